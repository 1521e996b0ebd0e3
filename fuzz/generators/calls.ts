import { HostFunctionMethod, Method } from '../../bridge/wire/protocol.js';
import type { Rng } from '../random/index.js';
import { hostileValue } from './values.js';

/**
 * Argument lists for every fs method (bridge/wire/protocol.ts `Method`), the module lookups, output,
 * host functions and the hello: mostly the shape the guest bridge sends, over paths of the world the
 * target serves (its files, links that lead out, and names that do not exist), with one argument or
 * more replaced by a hostile value some of the time.
 */

/** What a target's filesystem holds, as generators need to know it. */
export interface World {
  /** Paths worth naming: files, directories, links (into and out of the mount), missing names. */
  paths: readonly string[];
}

/** Paths every world gets: escapes, oddities, and names that may be created. */
export const COMMON_PATHS = [
  '/', '', '.', '..', '/..', '/../..', '//', '/./', '/ok.txt', '/ok.txt/', '/ok.txt/x', '/n0', '/n1', '/n2', '/d2/n', '/d2/sub/', '/t-', '/x/y/z',
  '/../outside/secret', '../../outside/secret', '/proc/self/root/etc/passwd', '/proc/self/fd/0', '/etc/passwd', '/dev/zero', '/dev/urandom',
  'ok.txt', './n1', 'n0/../../..', `/${'a'.repeat(256)}`, `/${'b/'.repeat(2100)}`, '/\u00e9t\u00e9', '/\ud83d\ude00', '/a\u0000b', '/ok.txt\u0000',
];

const ENCODINGS = [undefined, null, 'utf8', 'buffer', 'hex', 'base64', 'latin1', 'ucs2', 'UTF8', 'bogus'];
const FLAGS = [undefined, 'r', 'r+', 'rs+', 'w', 'wx', 'w+', 'a', 'ax', 'a+', 0, 1, 2, 0o100 | 1, 0o1101, 0o2101, 0o200000, -1, 'x'];
const MODES = [undefined, 0, 0o644, 0o755, 0o777, 0o4777, 0o7777, 0o100644, -1, 2 ** 32];
const TIMES = [0, 1, 1.5, -1, 1e9, 2 ** 31, 1e12, -1e12];
const IDS = [-1, 0, 1000, 0xffffffff];
const RM_VARIANTS = ['rmSync', 'rm', 'rmdirSync', 'rmdir', 'rmdirPromise', 'bogus'];

type Args = (rng: Rng, w: World) => unknown[];

const path = (rng: Rng, w: World): string => (rng.chance(0.85) ? rng.pick(w.paths) : rng.pick(COMMON_PATHS));
const fd = (rng: Rng): number => (rng.chance(0.9) ? rng.int(0, 12) : rng.pick([13, 40, 1023, 1024, 0x7fffffff]));
const bool = (rng: Rng): boolean | undefined => rng.pick([true, false, undefined]);
const data = (rng: Rng): Uint8Array | string => (rng.chance(0.7) ? rng.bytes(rng.size(rng.chance(0.05) ? 200_000 : 4096)) : 'text'.repeat(rng.size(64)));
const length = (rng: Rng): number => rng.pick([0, 1, 16, 4096, 65536, 1 << 20, (1 << 20) + 1, 2 ** 31, 2 ** 53 - 1]);
const position = (rng: Rng): number | null | undefined => rng.pick([null, undefined, 0, 1, 100, -1, 2 ** 31, 2 ** 53 - 1]);

/** The argument list each method takes, as the guest bridge sends it. */
export const CALLS: Readonly<Record<string, Args>> = {
  [Method.readFile]: (r, w) => (r.chance(0.2) ? [fd(r), r.pick(ENCODINGS), r.pick(FLAGS), bool(r)] : [path(r, w), r.pick(ENCODINGS), r.pick(FLAGS)]),
  [Method.writeFile]: (r, w) => [r.chance(0.15) ? fd(r) : path(r, w), data(r), r.pick(FLAGS), r.pick(MODES)],
  [Method.writeFileBinary]: (r, w) => [path(r, w), data(r), r.pick(FLAGS), r.pick(MODES)],
  [Method.mkdir]: (r, w) => [path(r, w), bool(r), r.pick(MODES), bool(r)],
  [Method.access]: (r, w) => [path(r, w), r.pick([0, 1, 2, 4, 7, 8, undefined])],
  [Method.exists]: (r, w) => [path(r, w)],
  [Method.readdir]: (r, w) => [path(r, w), r.pick(ENCODINGS), bool(r), r.pick([0, 1, 2, 3, undefined])],
  [Method.rmdir]: (r, w) => [path(r, w)],
  [Method.rm]: (r, w) => [path(r, w), bool(r), bool(r), r.pick(RM_VARIANTS)],
  [Method.unlink]: (r, w) => [path(r, w)],
  [Method.rename]: (r, w) => [path(r, w), path(r, w)],
  [Method.copyFile]: (r, w) => [path(r, w), path(r, w), r.pick([0, 1, 2, 4, 7, undefined])],
  [Method.realpath]: (r, w) => [path(r, w), r.pick(ENCODINGS), bool(r)],
  [Method.symlink]: (r, w) => [path(r, w), path(r, w)],
  [Method.readlink]: (r, w) => [path(r, w), r.pick(ENCODINGS)],
  [Method.link]: (r, w) => [path(r, w), path(r, w)],
  [Method.utimes]: (r, w) => [path(r, w), r.pick(TIMES), r.pick(TIMES)],
  [Method.lutimes]: (r, w) => [path(r, w), r.pick(TIMES), r.pick(TIMES)],
  [Method.chmod]: (r, w) => [path(r, w), r.pick(MODES)],
  [Method.chown]: (r, w) => [path(r, w), r.pick(IDS), r.pick(IDS)],
  [Method.lchown]: (r, w) => [path(r, w), r.pick(IDS), r.pick(IDS)],
  [Method.mkdtemp]: (r, w) => [path(r, w), r.pick(ENCODINGS), bool(r)],
  [Method.open]: (r, w) => [path(r, w), r.pick(FLAGS), r.pick(MODES)],
  [Method.close]: (r) => [fd(r)],
  [Method.read]: (r) => [fd(r), length(r), position(r)],
  [Method.fdWrite]: (r) => [fd(r), r.bytes(r.size(8192)), position(r)],
  [Method.ftruncate]: (r) => [fd(r), length(r)],
  [Method.fsync]: (r) => [fd(r)],
  [Method.fdatasync]: (r) => [fd(r)],
  [Method.stat]: (r, w) => [path(r, w), bool(r), bool(r)],
  [Method.lstat]: (r, w) => [path(r, w), bool(r), bool(r)],
  [Method.fstat]: (r) => [fd(r), bool(r)],
  [Method.fchmod]: (r) => [fd(r), r.pick(MODES)],
  [Method.fchown]: (r) => [fd(r), r.pick(IDS), r.pick(IDS)],
  [Method.futimes]: (r) => [fd(r), r.pick(TIMES), r.pick(TIMES)],
  [Method.statfs]: (r, w) => [path(r, w), bool(r)],
  [Method.write]: (r) => [r.pick([1, 2, 0, 3]), r.bytes(r.size(256))],
  [Method.hello]: (r) => [r.pick([1, 2, 3, 0, -1, '2', null, 2 ** 53])],
  [Method.moduleStat]: (r, w) => [path(r, w), bool(r), bool(r)],
  [Method.moduleRead]: (r, w) => [path(r, w)],
  [Method.moduleStatMany]: (r, w) => {
    const n = r.size(r.chance(0.02) ? 5000 : 40);
    return [Array.from({ length: n }, () => path(r, w)), Array.from({ length: r.chance(0.9) ? n : r.size(n) }, () => r.chance(0.7))];
  },
  [HostFunctionMethod.list]: () => [],
};

/** Every method name the generators call. */
export const METHODS: readonly string[] = Object.keys(CALLS);

/** Method names no host serves, or that only look like real ones. */
export const UNKNOWN_METHODS = ['fs.readFile', 'fs.readFileSyncX', 'FS.READFILESYNC', 'host.fn.', 'host.fn.missing', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'bridge.hello2', 'x'.repeat(200)];

/** The argument list of `method`, with hostile values swapped in now and then. */
export function callArgs(rng: Rng, w: World, method: string): unknown[] {
  const make = Object.hasOwn(CALLS, method) ? CALLS[method] : undefined;
  const args = make === undefined ? [hostileValue(rng)] : make(rng, w);
  if (rng.chance(0.25)) {
    const swaps = rng.int(1, 2);
    for (let i = 0; i < swaps; i++) args[rng.below(args.length + 1)] = hostileValue(rng, rng.chance(0.1));
  }
  if (rng.chance(0.03)) args.length = rng.below(args.length + 1);
  return args;
}
