import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostFunction } from './index.js';

/**
 * `--host-module FILE`: imports each ES module and makes every exported function a host function
 * under its export name (`export function gzip` -> `require('host').gzip`). Other exports are ignored;
 * a name exported by two modules is an error.
 */
export async function loadHostModules(files: readonly string[]): Promise<Record<string, HostFunction>> {
  const functions = new Map<string, HostFunction>();
  for (const file of files) {
    const namespace = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(namespace)) {
      if (typeof value !== 'function') continue;
      if (functions.has(name)) throw new Error(`host function '${name}' is exported by more than one --host-module (again by ${file})`);
      functions.set(name, value as HostFunction);
    }
  }
  // fromEntries defines own properties: an export named __proto__ stays a name.
  return Object.fromEntries(functions);
}
