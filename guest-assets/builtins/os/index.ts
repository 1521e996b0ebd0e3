/**
 * The guest's `os`: the values of a sandbox, not of the host machine (README, "Built-in modules"):
 * a Linux machine named `sandbox` with one CPU (so tools do not plan parallel workers the sandbox
 * cannot start), memory as the guest's own heap limit, no network interfaces, a user `sandbox`
 * (uid/gid 1000) whose home is `$HOME` or `/home/sandbox`, and Node's real constants.
 */
import { guard } from '../../caps.js';
import { invalidArgType } from '../../node-errors.js';
import { SANDBOX_IDS } from '../../process/index.js';
import type { BuiltinContext } from '../registry.js';
import { nodeConstants } from '../constants.js';

const MACHINES: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', arm: 'armv7l', ia32: 'i686', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

export function defineOs(ctx: BuiltinContext): void {
  ctx.define('os', () => createOs(ctx));
}

function createOs(ctx: BuiltinContext) {
  const { process, caps, Buffer } = ctx;
  const env = () => process.env as Record<string, string | undefined>;
  const heap = () => {
    const text = guard(() => caps.v8Value('getHeapStatistics'));
    return (typeof text === 'string' ? JSON.parse(text) : {}) as { heap_size_limit?: number; used_heap_size?: number };
  };
  const homedir = () => env().HOME || '/home/sandbox';
  const cpu = () => ({ model: 'v8-fs-bridge sandbox', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } });
  const constants = nodeConstants(caps).os;
  const os = {
    EOL: '\n',
    devNull: '/dev/null',
    constants,
    arch: () => process.arch,
    machine: () => MACHINES[process.arch] ?? process.arch,
    platform: () => process.platform,
    type: () => 'Linux',
    release: () => '6.0.0-sandbox',
    version: () => '#1 SMP v8-fs-bridge sandbox',
    hostname: () => 'sandbox',
    endianness: () => (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE'),
    homedir,
    tmpdir: () => {
      let path = env().TMPDIR || env().TMP || env().TEMP || '/tmp';
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      return path;
    },
    userInfo: (options?: unknown) => {
      if (options !== undefined && (options === null || typeof options !== 'object')) throw invalidArgType('options', ['object'], [], options);
      const asBuffer = (options as { encoding?: unknown } | undefined)?.encoding === 'buffer';
      const text = (s: string) => (asBuffer ? Buffer.from(s) : s);
      return { uid: SANDBOX_IDS.uid, gid: SANDBOX_IDS.gid, username: text('sandbox'), homedir: text(homedir()), shell: text('/bin/sh') };
    },
    cpus: () => [cpu()],
    availableParallelism: () => 1,
    loadavg: () => [0, 0, 0],
    uptime: () => Math.floor(process.uptime()),
    totalmem: () => heap().heap_size_limit ?? 0,
    freemem: () => {
      const h = heap();
      return Math.max(0, (h.heap_size_limit ?? 0) - (h.used_heap_size ?? 0));
    },
    networkInterfaces: () => ({}),
    getPriority: (pid?: unknown) => {
      if (pid !== undefined && typeof pid !== 'number') throw invalidArgType('pid', ['number'], [], pid);
      return 0;
    },
    setPriority: (pid: unknown, priority?: unknown) => {
      const value = priority === undefined ? pid : priority;
      if (typeof value !== 'number') throw invalidArgType('priority', ['number'], [], value);
    },
  };
  return os;
}
