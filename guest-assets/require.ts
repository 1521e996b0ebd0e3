/** The guest's `require`: built-in modules only, with Node's names (`fs`, `node:fs`, ...) and errors. */
export function createRequire(builtins: Record<string, unknown>, filename: string) {
  function require(id: unknown): unknown {
    if (typeof id !== 'string') {
      throw Object.assign(new TypeError(`The "id" argument must be of type string. Received ${typeof id}`), { code: 'ERR_INVALID_ARG_TYPE' });
    }
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (Object.prototype.hasOwnProperty.call(builtins, name)) return builtins[name];
    const message = `Cannot find module '${id}'\nRequire stack:\n- ${filename}`;
    throw Object.assign(new Error(message), { code: 'MODULE_NOT_FOUND', requireStack: [filename] });
  }
  require.resolve = (id: string) => {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    if (Object.prototype.hasOwnProperty.call(builtins, name)) return id;
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };
  require.cache = Object.create(null) as Record<string, unknown>;
  return require;
}

