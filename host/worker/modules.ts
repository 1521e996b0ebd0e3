/**
 * The Worker's half of the guest's modules: V8's module records (vm.SourceTextModule for ES modules,
 * vm.SyntheticModule for CommonJS, JSON and built-ins) and the compiler of CommonJS wrappers. Every
 * decision (resolution, format, source, export values) is asked of the guest (guest-assets/modules);
 * nothing created here is handed to guest code: failures become guest-realm errors first.
 */
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { GuestApi } from '../../guest-assets/caps.js';
import { GUEST_SCOPE_NAMES } from '../../guest-assets/scope.js';

type ModuleRecord = vm.SourceTextModule | vm.SyntheticModule;
type Attributes = Record<string, unknown> | undefined;

/** Checks a value may be handed to guest code (a primitive or a guest-realm object). */
export type GuestCheck = (value: unknown) => boolean;

/** `key NUL value ...` from an attributes object of the Worker (values are strings in V8's records). */
function flatten(attributes: Attributes): string {
  if (!attributes) return '';
  const parts: string[] = [];
  for (const key of Object.keys(attributes)) parts.push(key, String(attributes[key]));
  return parts.join('\u0000');
}

export class ModuleHost {
  readonly #context: vm.Context;
  readonly #api: () => GuestApi;
  readonly #isGuest: GuestCheck;
  readonly #records = new Map<string, ModuleRecord>();
  readonly #linking = new WeakMap<ModuleRecord, Promise<void>>();
  readonly #evaluating = new WeakMap<ModuleRecord, Promise<unknown>>();
  #compileError = '';

  constructor(context: vm.Context, api: () => GuestApi, isGuest: GuestCheck) {
    this.#context = context;
    this.#api = api;
    this.#isGuest = isGuest;
  }

  /** A guest-realm error for anything thrown here (guest errors pass through unchanged). */
  toGuest(e: unknown): unknown {
    if (this.#isGuest(e)) return e;
    const err = e as { name?: unknown; message?: unknown; code?: unknown };
    let name = 'Error';
    let message = 'module loading failed';
    let code = '';
    try {
      name = String(err.name ?? 'Error');
      message = String(err.message ?? message);
      code = typeof err.code === 'string' ? err.code : '';
    } catch {
      // An unreadable error still becomes a plain one.
    }
    return this.#api().makeError(name, message, code);
  }

  /** The `import()` hook of every script and module compiled for the guest. */
  #dynamic = (referrerUrl: string) => async (specifier: string, _referrer: unknown, attributes: Attributes) => {
    try {
      return await this.#import(String(specifier), referrerUrl, flatten(attributes));
    } catch (e) {
      throw this.toGuest(e);
    }
  };

  /** Compiles a CommonJS module's wrapper (see Caps.compileFunction); -1 with compileError set on failure. */
  compileFunction(source: string, filename: string): Function | number {
    try {
      const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
      return vm.compileFunction(`return function (exports, require, module, __filename, __dirname) {\n${body}\n};`, [...GUEST_SCOPE_NAMES], {
        parsingContext: this.#context,
        filename,
        lineOffset: -1,
        importModuleDynamically: this.#dynamic(pathToFileURL(filename).href) as never,
      });
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown; stack?: unknown };
      const name = String(err?.name ?? 'SyntaxError');
      const message = String(err?.message ?? '');
      const stack = String(err?.stack ?? '');
      const header = stack.indexOf(`\n\n${name}: `);
      this.#compileError = [name, message, header > 0 ? `${stack.slice(0, header)}\n` : ''].join('\u0000');
      return -1;
    }
  }

  compileError(): string {
    return this.#compileError;
  }

  /** Imports the entry point; `fail` receives a guest-realm error. */
  importMain(url: string, fail: (e: unknown) => void): void {
    this.#import(url, url, '').catch((e) => fail(this.toGuest(e)));
  }

  async #import(specifier: string, parentUrl: string, attributes: string): Promise<ModuleRecord> {
    const api = this.#api();
    const url = specifier === parentUrl ? specifier : api.modules.resolve(specifier, parentUrl, attributes);
    const record = this.#record(url);
    await this.#link(record);
    let evaluation = this.#evaluating.get(record);
    if (!evaluation) {
      evaluation = record.evaluate();
      this.#evaluating.set(record, evaluation);
    }
    await evaluation;
    return record;
  }

  #link(record: ModuleRecord): Promise<void> {
    if (record.status !== 'unlinked') return this.#linking.get(record) ?? Promise.resolve();
    const linking = record.link((specifier, referencing, extra) => {
      const attrs = (extra as { attributes?: Attributes } | undefined)?.attributes;
      return this.#record(this.#api().modules.resolve(specifier, referencing.identifier, flatten(attrs)));
    });
    this.#linking.set(record, linking);
    return linking;
  }

  /** The record for `url`, made once (the module map). */
  #record(url: string): ModuleRecord {
    const known = this.#records.get(url);
    if (known) return known;
    const modules = this.#api().modules;
    const format = modules.format(url);
    let record: ModuleRecord;
    if (format === 'module') {
      record = new vm.SourceTextModule(modules.source(url), {
        identifier: url,
        context: this.#context,
        initializeImportMeta: (meta) => modules.initMeta(meta as unknown as Record<string, unknown>, url),
        importModuleDynamically: this.#dynamic(url) as never,
      });
    } else {
      const names = modules.exportNames(url).split('\u0000');
      record = new vm.SyntheticModule(
        names,
        function (this: vm.SyntheticModule) {
          modules.evaluate(url);
          for (let i = 0; i < names.length; i++) this.setExport(names[i]!, modules.exportValue(url, i));
        },
        { identifier: url, context: this.#context },
      );
    }
    this.#records.set(url, record);
    return record;
  }
}
