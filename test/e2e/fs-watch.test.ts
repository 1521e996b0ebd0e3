import { mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../host/index.js';
import { runGuest, tempDir } from './helpers.js';
import { runMounted } from './mount-helpers.js';

/**
 * fs.watch through real sandboxes: confinement on a mount, the watcher limit, every host watcher
 * closed when a run ends, and a watching sandbox that is idle costs (almost) no CPU.
 */

/** The inotify watches this process holds (every libuv inotify descriptor's watch lines). */
function hostInotifyWatches(): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) !== 'anon_inode:inotify') continue;
      n += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
    } catch {
      // A descriptor that closed meanwhile.
    }
  }
  return n;
}

/** The listeners of a memfs volume's change stream (each memfs watcher holds one). */
function memfsListeners(vol: Volume): number {
  const core = (vol as unknown as { _core: { changes: { listeners: Set<unknown> } } })._core;
  return core.changes.listeners.size;
}

/** A mounted directory beside a directory outside it, with links from inside pointing out. */
function mountBesideOutside(): { mount: string; outside: string } {
  const base = tempDir('v8fsb-watch-');
  const mount = join(base, 'mount');
  const outside = join(base, 'outside');
  mkdirSync(join(mount, 'd'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(outside, join(mount, 'abs-out'));
  symlinkSync('../outside', join(mount, 'rel-out'));
  symlinkSync('../../outside', join(mount, 'd', 'up-out'));
  symlinkSync(outside, join(mount, 'd', 'out'));
  return { mount, outside };
}

describe('fs.watch on a mount is confined', () => {
  it('refuses a watch through a symlink that points outside (the link names a guest path, missing)', async () => {
    const { mount } = mountBesideOutside();
    const r = await runMounted(
      `const fs = require('fs');
      for (const p of ['abs-out', 'rel-out', 'd/up-out', 'd/out', 'abs-out/secret.txt', 'rel-out/']) {
        try { fs.watch(p).close(); console.log(p, 'watching'); } catch (e) { console.log(p, e.code, e.syscall, e.path); }
        try { fs.watch(p, { recursive: true }).close(); console.log(p, 'recursive watching'); } catch (e) { console.log(p, 'recursive', e.code); }
      }`,
      mount,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      ['abs-out', 'rel-out', 'd/up-out', 'd/out', 'abs-out/secret.txt', 'rel-out/']
        .map((p) => `${p} ENOENT watch ${p}\n${p} recursive ENOENT\n`)
        .join(''),
    );
  });

  it('never reports a change made outside, even watching the directory that holds links out (recursively too)', async () => {
    const { mount, outside } = mountBesideOutside();
    const sandbox = createSandbox({ mount, stdout: (b) => void out.push(Buffer.from(b)), stderr: (b) => void out.push(Buffer.from(b)) });
    const out: Buffer[] = [];
    const run = sandbox.run(`
      const fs = require('fs');
      const seen = [];
      const a = fs.watch('d', (t, n) => seen.push('plain ' + t + ' ' + n));
      const b = fs.watch('/', { recursive: true }, (t, n) => seen.push('tree ' + t + ' ' + n));
      fs.writeFileSync('ready', '');
      setTimeout(() => { fs.writeFileSync('d/inside.txt', 'x'); }, 300);
      setTimeout(() => { a.close(); b.close(); console.log(seen.filter((s) => !s.includes('ready')).sort().join('\\n')); }, 700);
    `);
    await new Promise((r) => setTimeout(r, 150));
    writeFileSync(join(outside, 'secret.txt'), 'changed outside');
    writeFileSync(join(outside, 'new-outside.txt'), 'new');
    const result = await run;
    (sandbox.vfs as unknown as { close(): void }).close();
    const text = Buffer.concat(out).toString();
    expect(result.exitCode).toBe(0);
    expect(text).toContain('plain rename inside.txt');
    expect(text).toContain('tree rename d/inside.txt');
    expect(text).not.toMatch(/secret|new-outside|outside\b/);
  });
});

describe('watcher limit and cleanup', () => {
  it('refuses watchers past limits.maxWatchers with ENOSPC as inotify does, and recovers when one closes', async () => {
    const r = await runGuest(
      `const fs = require('fs');
      fs.mkdirSync('/d');
      const ws = [];
      for (let i = 0; i < 4; i++) ws.push(fs.watch('/d', { persistent: false }));
      try { fs.watch('/d'); } catch (e) { console.log(e.name, e.code, e.errno, e.syscall, e.path, e.message); }
      // As Node's recursive watch: a failure of its root watcher other than ENOENT is silent.
      try { fs.watch('/d', { recursive: true, persistent: false }); console.log('recursive quiet'); } catch (e) { console.log('recursive', e.code); }
      ws.pop().close();
      const again = fs.watch('/d', { persistent: false });
      console.log('after close', again.constructor.name);
      console.log(fs.readdirSync('/').join());`,
      { limits: { maxWatchers: 4 } },
    );
    expect(r.stdout).toBe(
      "Error ENOSPC -28 watch /d ENOSPC: System limit for number of file watchers reached, watch '/d'\nrecursive quiet\nafter close FSWatcher\nd\n",
    );
    expect(r.exitCode).toBe(0);
  });

  it('closes every memory watcher when the run ends, however it ends', async () => {
    const vol = new Volume();
    vol.mkdirSync('/d');
    const before = memfsListeners(vol);
    for (const ending of ['', 'process.exit(3)', "throw new Error('x')", 'setTimeout(() => process.exit(0), 20)']) {
      const r = await runGuest(
        `const fs = require('fs');
        for (let i = 0; i < 50; i++) fs.watch('/d', { persistent: i % 2 === 0 }).unref();
        fs.watch('/d', { recursive: true, persistent: false });
        ${ending}`,
        { vol },
      );
      expect(r.exitCode).toBe(ending === '' || ending.startsWith('setTimeout') ? 0 : ending.startsWith('process') ? 3 : 1);
      expect(memfsListeners(vol)).toBe(before);
    }
  });

  it('closes every host watcher of a mount when the run ends (inotify watches back to their count)', async () => {
    const { mount } = mountBesideOutside();
    mkdirSync(join(mount, 'tree', 'a', 'b'), { recursive: true });
    writeFileSync(join(mount, 'tree', 'a', 'b', 'f.txt'), 'f');
    const before = hostInotifyWatches();
    let during = -1;
    const r = await runMounted(
      `const fs = require('fs');
      for (let i = 0; i < 20; i++) fs.watch('d');
      fs.watch('tree', { recursive: true });
      fs.watch('tree/a/b/f.txt');
      require('host').count();
      process.exit(0);`,
      mount,
      { hostFunctions: { count: () => void (during = hostInotifyWatches()) } },
    );
    expect(r.exitCode).toBe(0);
    expect(during).toBeGreaterThan(before);
    expect(hostInotifyWatches()).toBe(before);
  });
});

describe('a failing host watcher', () => {
  it("reaches the guest as Node's 'error' event: the watcher is closed, without a 'close' event", async () => {
    const vol = new Volume();
    vol.mkdirSync('/d');
    // A filesystem whose watchers fail soon after they start (as an inotify watch can).
    const vfs = Object.assign(vol, {
      watchEntry: (_path: string, listener: (kind: 0 | 1 | 2, name: Uint8Array | string | null) => void) => {
        const timer = setTimeout(() => listener(2, 'EIO'), 50);
        return { close: () => clearTimeout(timer) };
      },
    });
    const out: string[] = [];
    const result = await createSandbox({ vfs, stdout: (b) => out.push(Buffer.from(b).toString()) }).run(`
      const fs = require('fs');
      const w = fs.watch('/d');
      w.on('close', () => console.log('close'));
      w.on('error', (e) => {
        console.log(e instanceof Error, e.message, Object.keys(e).join(), e.errno, e.syscall, e.code, e.filename);
        console.log('closed', w._handle, w.close());
      });
    `);
    expect(result.exitCode).toBe(0);
    expect(out.join('')).toBe('true EIO: i/o error, watch errno,syscall,code,filename -5 watch EIO undefined\nclosed null undefined\n');
  });
});

describe('an idle watching sandbox', () => {
  it('burns (almost) no CPU while it waits for an event, and wakes for one made by the host', async () => {
    const vol = new Volume();
    vol.mkdirSync('/d');
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const out: string[] = [];
    const sandbox = createSandbox({
      vfs: vol,
      stdout: (b) => out.push(Buffer.from(b).toString()),
      hostFunctions: { ready: () => ready() },
    });
    const run = sandbox.run(`
      const fs = require('fs');
      const w = fs.watch('/d', (type, name) => { console.log('woke', type, name); w.close(); fs.unwatchFile('/d/polled.txt'); });
      fs.watchFile('/d/polled.txt', () => {});
      require('host').ready();
    `);
    await isReady;
    await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage();
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 1500));
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - start;
    vol.writeFileSync('/d/from-host.txt', 'hello');
    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(out.join('')).toBe('woke rename from-host.txt\n');
    // The whole test process (host, the idle Worker, vitest itself) over 1.5 s of waiting.
    expect((used.user + used.system) / 1000).toBeLessThan(wall * 0.05);
  });
});
