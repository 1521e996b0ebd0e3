import { invalidArgType, nodeError } from '../../node-errors.js';
import { toPath } from '../args.js';
import { validateFunction, validateInteger } from '../descriptors/args.js';
import { cpSteps, type CpOptions, type Step } from './steps.js';

/**
 * fs.cpSync, fs.cp and fs.promises.cp: Node 20's algorithm (steps.ts) over the guest's own fs
 * functions, with its option checks and errors. A copy is many small calls, each answered by the
 * host; nothing of it runs outside the guest's fs.
 */

type Fns = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const DEFAULTS: CpOptions = { dereference: false, errorOnExist: false, filter: undefined, force: true, preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0 };

/** Node's validateCpOptions. */
function cpOptions(options: unknown): CpOptions {
  if (options === undefined) return { ...DEFAULTS };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', ['object'], [], options);
  const o = { ...DEFAULTS, ...(options as Partial<CpOptions>) } as Record<string, unknown>;
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    if (typeof o[key] !== 'boolean') throw invalidArgType(`options.${key}`, ['boolean'], [], o[key]);
  }
  o.mode = o.mode === undefined || o.mode === null ? 0 : validateInteger(o.mode, 'mode', 0, 7);
  if (o.dereference === true && o.verbatimSymlinks === true) {
    throw nodeError('ERR_INCOMPATIBLE_OPTION_PAIR', 'TypeError', 'Option "dereference" cannot be used in combination with option "verbatimSymlinks"');
  }
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  return o as unknown as CpOptions;
}

const isNoEntry = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ENOENT';

/** The fs function (by its promise name; the sync one adds `Sync`) and the arguments of the plain steps. */
function plainCall(step: Step): [name: string, args: unknown[]] {
  switch (step.op) {
    case 'stat':
    case 'lstat':
      return [step.op, [step.path, { bigint: step.bigint === true }]];
    case 'mkdir':
      return ['mkdir', [step.path, step.recursive ? { recursive: true } : undefined]];
    case 'copyFile':
      return ['copyFile', [step.src, step.dest, step.mode]];
    case 'chmod':
      return ['chmod', [step.path, step.mode]];
    case 'utimes':
      return ['utimes', [step.path, step.atime, step.mtime]];
    case 'symlink':
      return ['symlink', [step.target, step.path]];
    case 'list':
      return ['readdir', [step.path]];
    case 'readlink':
    case 'unlink':
    case 'exists':
      return [step.op, [step.path]];
    case 'filter':
      throw new Error('internal: a filter is not an fs call');
  }
}

/** The sync fs call of one step. */
function syncStep(fs: Fns, opts: CpOptions, step: Step): unknown {
  if (step.op === 'filter') {
    const keep = opts.filter!(step.src, step.dest);
    if (keep instanceof Promise) {
      throw nodeError('ERR_INVALID_RETURN_VALUE', 'TypeError', 'Expected boolean to be returned from the "filter" function but got an instance of Promise.');
    }
    return keep;
  }
  const [name, args] = plainCall(step);
  // A stat that may find nothing asks for undefined instead of an error (the same answer, cheaper).
  if ((step.op === 'stat' || step.op === 'lstat') && step.orNull) {
    return (fs[`${name}Sync`] as Fn)(step.path, { bigint: step.bigint === true, throwIfNoEntry: false }) ?? null;
  }
  try {
    return (fs[`${name}Sync`] as Fn)(...args);
  } catch (e) {
    if ('orNull' in step && step.orNull && isNoEntry(e)) return null;
    throw e;
  }
}

/** The promise fs call of one step (a filter may return a promise; exists is a stat that may find nothing). */
async function asyncStep(promises: Fns, opts: CpOptions, step: Step): Promise<unknown> {
  if (step.op === 'filter') return opts.filter!(step.src, step.dest);
  const [name, args] = step.op === 'exists' ? ['stat', [step.path]] : plainCall(step);
  try {
    const value = await (promises[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    return step.op === 'exists' ? true : value;
  } catch (e) {
    if (isNoEntry(e) && step.op === 'exists') return false;
    if (isNoEntry(e) && 'orNull' in step && step.orNull) return null;
    throw e;
  }
}

/** Drives the steps with a runner: each answer (or error) goes back into the generator. */
function drive<R>(steps: Generator<Step, void, unknown>, run: (step: Step, next: (ok: boolean, value: unknown) => R) => R): R {
  const next = (ok: boolean, value: unknown): R => {
    const r = ok ? steps.next(value) : steps.throw(value);
    if (r.done) return undefined as R;
    return run(r.value, next);
  };
  return next(true, undefined);
}

/** Installs cpSync, cp and promises.cp (fs's functions are looked up when a copy runs). */
export function installCp(fs: Fns, promises: Fns): void {
  fs.cpSync = function cpSync(src: unknown, dest: unknown, options?: unknown): void {
    const opts = cpOptions(options);
    const steps = cpSteps(toPath(src, 'src'), toPath(dest, 'dest'), opts);
    // Synchronous: each step's result (or error) is handed back at once.
    let result: { ok: boolean; value: unknown } = { ok: true, value: undefined };
    for (;;) {
      let r: IteratorResult<Step, void>;
      try {
        r = result.ok ? steps.next(result.value) : steps.throw(result.value);
      } catch (e) {
        // Node 20's cpSync says EISDIR with EINVAL's errno.
        if ((e as { code?: unknown }).code === 'ERR_FS_EISDIR') (e as { errno: number }).errno = 22;
        throw e;
      }
      if (r.done) return;
      try {
        result = { ok: true, value: syncStep(fs, opts, r.value) };
      } catch (e) {
        result = { ok: false, value: e };
      }
    }
  };
  const copy = async (src: string, dest: string, opts: CpOptions): Promise<void> =>
    drive<Promise<void>>(cpSteps(src, dest, opts), (step, next) =>
      asyncStep(promises, opts, step).then(
        (value) => next(true, value),
        (e: unknown) => next(false, e),
      ),
    );
  fs.cp = function cp(src: unknown, dest: unknown, options?: unknown, callback?: unknown): void {
    if (typeof options === 'function') [callback, options] = [options, undefined];
    const cb = validateFunction<(err?: unknown) => void>(callback, 'cb');
    const opts = cpOptions(options);
    copy(toPath(src, 'src'), toPath(dest, 'dest'), opts).then(() => cb(null), cb);
  };
  promises.cp = async function cp(src: unknown, dest: unknown, options?: unknown): Promise<void> {
    const opts = cpOptions(options);
    return copy(toPath(src, 'src'), toPath(dest, 'dest'), opts);
  };
}
