import path from 'path-browserify';
import type { CjsDeps } from './cjs.js';
import { internalError, requireEsm } from './errors.js';

/**
 * What the ES module loader found while reading a CommonJS module for its named exports: the source
 * (which `load` then uses instead of reading again) and the names.
 */
export const preparsed = new WeakMap<object, { source: string | undefined; loaded: boolean; names?: Set<string> }>();

/** What the extension handlers use of a module object and of the Module class. */
export interface LoaderModule {
  _extensions: Record<string, (module: ModuleLike, filename: string) => void>;
  globalPaths: string[];
}
export interface ModuleLike {
  exports: unknown;
  _compile(content: string, filename: string, typeless?: boolean): unknown;
}

/**
 * Node's `Module._extensions` (`.js`, `.json`, `.node`) and global search folders. A `.js` file (or
 * one without an extension) in a `"type": "module"` package loads as an ES module; a typeless one
 * is compiled as CommonJS, and retried as a module when its syntax is a module's.
 */
export function installExtensions(
  Module: LoaderModule,
  deps: CjsDeps,
  loadEsmInto: (module: ModuleLike, filename: string, unsupported: () => Error) => void,
  parentPathOf: (module: ModuleLike) => string | undefined,
): void {
  Module._extensions['.js'] = (module, filename) => {
    const pre = preparsed.get(module as object);
    let content: string;
    if (pre?.source !== undefined) {
      content = pre.source;
      pre.source = undefined;
    } else content = deps.fs.readText(filename);
    // A .js file, or one with no extension at all, takes the "type" of its package.
    if (filename.endsWith('.js') || !path.basename(filename).includes('.')) {
      const scope = deps.packages.scope(filename);
      if (scope?.data.type === 'module') {
        const parentPath = parentPathOf(module);
        loadEsmInto(module, filename, () => requireEsm(filename, deps.hasEsmSyntax(content), parentPath, path.resolve(scope.path, 'package.json')));
        return;
      }
      module._compile(content, filename, scope?.data.type !== 'commonjs');
      return;
    }
    module._compile(content, filename);
  };
  Module._extensions['.json'] = (module, filename) => {
    const content = deps.fs.readText(filename);
    try {
      module.exports = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
    } catch (err) {
      (err as Error).message = `${filename}: ${(err as Error).message}`;
      throw err;
    }
  };
  Module._extensions['.node'] = (_module, filename) => {
    // What dlopen(3) says of a file that is no shared object; a real one still cannot load here.
    const elf = deps.fs.readText(filename).startsWith('\u007fELF');
    throw internalError('Error', 'ERR_DLOPEN_FAILED', `${filename}: ${elf ? 'native addons cannot be loaded in the sandbox' : 'invalid ELF header'}`);
  };

  // Global folders Node also searches: $HOME/.node_modules, $HOME/.node_libraries, $PREFIX/lib/node, NODE_PATH.
  const home = deps.env.HOME;
  const globalPaths = [path.resolve(deps.execPath, '..', '..', 'lib', 'node')];
  if (home) globalPaths.unshift(path.resolve(home, '.node_libraries'), path.resolve(home, '.node_modules'));
  if (deps.env.NODE_PATH) globalPaths.unshift(...deps.env.NODE_PATH.split(':').filter(Boolean));
  Module.globalPaths = globalPaths;
}
