/**
 * The module loader's errors, with Node 20's codes, classes and messages. Node's internal errors show
 * `Error [CODE]: message` in their stack while keeping `name` as the class's; plain loader errors
 * (MODULE_NOT_FOUND) are ordinary Errors with a `code` property.
 */

/** Guest-realm constructors, captured before guest code can replace the globals. */
const ctors = { Error, TypeError, SyntaxError };

type Ctor = keyof typeof ctors;

/** A Node internal error: `code` shown in the stack header, `name` left as the class's own. */
export function internalError(ctor: Ctor, code: string, message: string, extra?: Record<string, unknown>): Error {
  const err = new ctors[ctor](message) as Error & Record<string, unknown>;
  err.name = `${err.name} [${code}]`;
  void err.stack;
  delete (err as { name?: string }).name;
  err.code = code;
  if (extra) for (const key of Object.keys(extra)) err[key] = extra[key];
  return err;
}

/** A plain `Error` with a `code` property (and others), as the CommonJS loader throws them. */
export function plainError(message: string, props: Record<string, unknown>): Error {
  const err = new Error(message) as Error & Record<string, unknown>;
  for (const key of Object.keys(props)) err[key] = props[key];
  return err;
}

/** `Cannot find module 'x'\nRequire stack:\n- /a.js` */
export function moduleNotFound(request: string, requireStack: string[]): Error {
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  return plainError(message, { code: 'MODULE_NOT_FOUND', requireStack });
}

/** What the CommonJS loader throws when an `exports` resolution found no file (no require stack). */
export function esmNotFoundForCjs(request: string, path?: string): Error {
  return plainError(`Cannot find module '${request}'`, path === undefined ? { code: 'MODULE_NOT_FOUND' } : { code: 'MODULE_NOT_FOUND', path });
}

export function invalidPackageConfig(path: string, base: string | undefined, message: string | undefined): Error {
  return internalError('Error', 'ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`);
}

export function invalidPackageTarget(pkgPath: string, key: string, target: unknown, isImport: boolean, base: string | undefined): Error {
  const shown = typeof target === 'object' && target !== null ? JSON.stringify(target, null, '') : `${String(target)}`;
  const related = !isImport && shown.length > 0 && !shown.startsWith('./');
  const tail = `${base ? ` imported from ${base}` : ''}${related ? '; targets must start with "./"' : ''}`;
  const message =
    key === '.'
      ? `Invalid "exports" main target ${JSON.stringify(shown)} defined in the package config ${pkgPath}package.json${tail}`
      : `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(shown)} defined for '${key}' in the package config ${pkgPath}package.json${tail}`;
  return internalError('Error', 'ERR_INVALID_PACKAGE_TARGET', message);
}

export function packagePathNotExported(pkgPath: string, subpath: string, base: string | undefined): Error {
  const from = base ? ` imported from ${base}` : '';
  const message = subpath === '.' ? `No "exports" main defined in ${pkgPath}package.json${from}` : `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${from}`;
  return internalError('Error', 'ERR_PACKAGE_PATH_NOT_EXPORTED', message);
}

export function packageImportNotDefined(specifier: string, pkgPath: string | undefined, base: string): Error {
  return internalError('TypeError', 'ERR_PACKAGE_IMPORT_NOT_DEFINED', `Package import specifier "${specifier}" is not defined${pkgPath ? ` in package ${pkgPath}package.json` : ''} imported from ${base}`);
}

export function invalidModuleSpecifier(request: string, reason: string, base: string | undefined): Error {
  return internalError('TypeError', 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`);
}

/** ESM: `Cannot find module '/a/b' imported from /a/c.mjs` (a file) or `Cannot find package 'x' ...`. */
export function esmModuleNotFound(path: string, base: string, exactUrl?: string): Error {
  const err = internalError('Error', 'ERR_MODULE_NOT_FOUND', `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`);
  if (exactUrl) (err as Error & { url?: string }).url = exactUrl;
  return err;
}

export function unsupportedDirImport(path: string, base: string, url: string): Error {
  return internalError('Error', 'ERR_UNSUPPORTED_DIR_IMPORT', `Directory import '${path}' is not supported resolving ES modules imported from ${base}`, { url });
}

export function unknownFileExtension(ext: string, path: string): Error {
  return internalError('TypeError', 'ERR_UNKNOWN_FILE_EXTENSION', `Unknown file extension "${ext}" for ${path}`);
}

export function unknownBuiltin(request: string): Error {
  return internalError('Error', 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
}

/** `require()` of an ES module (Node 20 has no require(esm)). */
export function requireEsm(filename: string, hasEsmSyntax: boolean, parentPath?: string, packageJsonPath?: string): Error {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (!packageJsonPath) {
    if (filename.endsWith('.mjs')) msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    return internalError('Error', 'ERR_REQUIRE_ESM', msg);
  }
  const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const basename = parentPath && baseOf(filename) === baseOf(parentPath) ? filename : baseOf(filename);
  if (hasEsmSyntax) {
    msg += `\nInstead change the require of ${basename} in ${parentPath} to a dynamic import() which is available in all CommonJS modules.`;
    return internalError('Error', 'ERR_REQUIRE_ESM', msg);
  }
  msg +=
    `\n${basename} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.` +
    `\nInstead either rename ${basename} to end in .cjs, change the requiring code to use dynamic import() or change "type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
  return internalError('Error', 'ERR_REQUIRE_ESM', msg);
}

export function importAttributeMissing(url: string, type: string): Error {
  return internalError('TypeError', 'ERR_IMPORT_ASSERTION_TYPE_MISSING', `Module "${url}" needs an import attribute of type "${type}"`);
}

export function importAttributeTypeFailed(url: string, type: string): Error {
  return internalError('TypeError', 'ERR_IMPORT_ASSERTION_TYPE_FAILED', `Module "${url}" is not of type "${type}"`);
}

export function importAttributeTypeUnsupported(type: string): Error {
  return internalError('TypeError', 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import attribute type "${type}" is unsupported`);
}

export function importAttributeUnsupported(key: string, value: string): Error {
  return internalError('TypeError', 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED', `Import attribute "${key}" with value "${value}" is not supported`);
}
