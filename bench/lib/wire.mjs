import { createMemoryVfs, createSandbox } from '../../dist/host/index.js';

/**
 * Checks, outside the timed runs (a trace costs time on every call), that each sandbox
 * implementation really speaks the wire it is named after: one 4 KiB binary read and one 4 KiB
 * write, traced. raw must answer the read with status 2 and exactly the file's bytes; legacy with
 * status 0 and a larger (base64) payload. Returns { ok, text }.
 */
export async function checkWire(protocol) {
  const vfs = createMemoryVfs();
  vfs.writeFileSync('/probe.bin', new Uint8Array(4096).fill(0xab));
  const trace = [];
  let sandbox;
  try {
    sandbox = createSandbox({ vfs, protocol, trace: (e) => trace.push(e), stdout: () => {}, stderr: () => {} });
  } catch (e) {
    return { ok: false, text: `createSandbox({ protocol: '${protocol}' }) failed: ${e.message}` };
  }
  const { exitCode } = await sandbox.run(`const fs = require('fs'); fs.writeFileSync('/w.bin', fs.readFileSync('/probe.bin'));`);
  const read = trace.find((e) => e.method === 'fs.readFileSync');
  const write = trace.find((e) => e.method === 'fs.writeFileSync' || e.method === 'fs.writeFileBinary');
  if (exitCode !== 0 || !read || !write) return { ok: false, text: `probe run failed (exit ${exitCode})` };
  const text = `4 KiB read answered status ${read.status} with ${read.responseBytes} payload bytes, 4 KiB write sent ${write.requestBytes} argument bytes`;
  const ok = protocol === 'raw' ? read.status === 2 && read.responseBytes === 4096 : read.status === 0 && read.responseBytes > 5000 && write.requestBytes > 5000;
  return { ok, text };
}
