/**
 * `require()` of ES modules in the Worker, as node 20.20's own require(esm) does it: the module graph
 * is linked, instantiated and evaluated synchronously through the wrapper V8's record sits in (the
 * vm API offers only promises). Each native step is taken only in the state it is made for: V8
 * aborts the whole process otherwise, so the states are checked before every call.
 */
import vm from 'node:vm';
import { RequireOutcome } from '../../guest-assets/caps.js';

export type ModuleRecord = vm.SourceTextModule | vm.SyntheticModule;
export type Attributes = Record<string, unknown> | undefined;

/** What V8's module record wrapper inside a vm.Module offers for linking without promises (node 20.19+). */
interface SyncWrap {
  getModuleRequests(): { specifier: string; attributes?: Attributes }[];
  link(specifiers: string[], modules: SyncWrap[]): void;
  instantiateSync(): void;
  evaluateSync(): unknown;
  isGraphAsync(): boolean;
  /** 0 uninstantiated, 1 instantiating, 2 instantiated, 3 evaluating, 4 evaluated, 5 errored. */
  getStatus(): number;
}

/** The record's wrapper if this node can link and evaluate it synchronously (as its own require(esm) does). */
function syncWrap(record: ModuleRecord): SyncWrap | undefined {
  const key = Object.getOwnPropertySymbols(record).find((s) => s.description === 'kWrap');
  const wrap = key === undefined ? undefined : ((record as unknown as Record<symbol, unknown>)[key] as Partial<SyncWrap> | undefined);
  if (!wrap || typeof wrap.link !== 'function' || typeof wrap.instantiateSync !== 'function' || typeof wrap.evaluateSync !== 'function' || typeof wrap.getModuleRequests !== 'function' || typeof wrap.isGraphAsync !== 'function' || typeof wrap.getStatus !== 'function') return undefined;
  return wrap as SyncWrap;
}


/** What RequireEsm needs of the module host. */
export interface RequireEsmDeps {
  context: vm.Context;
  /** The record of a URL (the module map). */
  record(url: string): ModuleRecord;
  /** The guest's resolution of an import (it throws guest-realm errors). */
  resolve(specifier: string, parentUrl: string, attributes: Attributes): string;
  /** A guest-realm error for anything thrown. */
  toGuest(e: unknown): unknown;
}

export class RequireEsm {
  readonly #deps: RequireEsmDeps;

  constructor(deps: RequireEsmDeps) {
    this.#deps = deps;
  }

  /**
   * `require()` of the ES module at `url`, as node 20.20 does it: the graph is linked, instantiated and
   * evaluated synchronously. The result (the exports `require` returns, or the guest-realm error) is
   * kept for result(). Unsupported where this node has no synchronous module linking.
   */
  require(url: string): number {
    try {
      const record = this.#deps.record(url);
      const wrap = syncWrap(record);
      if (!wrap) return RequireOutcome.Unsupported;
      // Each native step is taken only in the state it is made for (V8 aborts the process otherwise).
      if (record.status === 'linking') return RequireOutcome.Cycle;
      this.#linkSync(record, new Set());
      if (wrap.getStatus() === 0) wrap.instantiateSync();
      const status = wrap.getStatus();
      if (status === 2 && wrap.isGraphAsync()) return RequireOutcome.Async;
      if (status !== 2 && status !== 4 && status !== 5) return RequireOutcome.Cycle;
      const namespace = wrap.evaluateSync() as Record<string, unknown>;
      this.#requireResult = this.#requiredExports(namespace, wrap, url);
      return RequireOutcome.Ok;
    } catch (e) {
      this.#requireResult = this.#deps.toGuest(e);
      return RequireOutcome.Threw;
    }
  }

  result(): unknown {
    const result = this.#requireResult;
    this.#requireResult = undefined;
    return result;
  }

  #requireResult: unknown;
  /** Records whose requests were handed to V8 by #linkSync (vm.Module still calls them unlinked). */
  readonly #syncLinked = new WeakSet<ModuleRecord>();



  /** Links a graph without promises: each record's requests are resolved (by the guest) and handed to V8. */
  #linkSync(record: ModuleRecord, seen: Set<ModuleRecord>): void {
    if (seen.has(record) || this.#syncLinked.has(record) || record.status !== 'unlinked') return;
    seen.add(record);
    const wrap = syncWrap(record)!;
    if (wrap.getStatus() !== 0) return;
    const requests = wrap.getModuleRequests();
    const children = requests.map((r) => this.#deps.record(this.#deps.resolve(r.specifier, record.identifier, r.attributes)));
    wrap.link(
      requests.map((r) => r.specifier),
      children.map((c) => syncWrap(c)!),
    );
    this.#syncLinked.add(record);
    for (const child of children) this.#linkSync(child, seen);
  }

  /**
   * What require() returns for a namespace (node 20.20): its "module.exports" export if it has one; the
   * namespace itself without a default export or with __esModule; else a namespace that adds __esModule.
   */
  #requiredExports(namespace: Record<string, unknown>, wrap: SyncWrap, url: string): unknown {
    const has = (key: string) => Object.prototype.hasOwnProperty.call(namespace, key);
    if (has('module.exports')) return namespace['module.exports'];
    if (!has('default') || has('__esModule')) return namespace;
    const facade = new vm.SourceTextModule('export * from "original"; export { default } from "original"; export const __esModule = true;', {
      identifier: url,
      context: this.#deps.context,
    });
    const facadeWrap = syncWrap(facade)!;
    facadeWrap.link(['original'], [wrap]);
    facadeWrap.instantiateSync();
    return facadeWrap.evaluateSync();
  }
}
