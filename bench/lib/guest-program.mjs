import { kernelSource } from './kernel.mjs';
import { CONTROL_FUNCTION } from './control.mjs';

/**
 * The program a sandboxed guest runs: the shared kernel plus a command loop. Its clock is the
 * guest's own `process.hrtime.bigint()` (the only high-resolution clock a guest has), in microseconds.
 */
export function guestProgram() {
  return `'use strict';
const fs = require('fs');
${kernelSource()}

const now = () => Number(process.hrtime.bigint()) / 1000;
const host = require('host');
const control = (report) => JSON.parse(host[${JSON.stringify(CONTROL_FUNCTION)}](JSON.stringify(report)));

async function serve(cmd) {
  switch (cmd.type) {
    case 'batch':
      return runBatch(fs, cmd, now);
    case 'burst':
      return runBurst(fs, cmd, now);
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, cmd.ms));
      return { slept: cmd.ms };
    default:
      return { error: 'unknown command ' + cmd.type };
  }
}

(async () => {
  let cmd = control({ hello: true, has: { statSync: typeof fs.statSync === 'function', existsSync: typeof fs.existsSync === 'function' } });
  while (cmd.type !== 'exit') {
    let report;
    try {
      report = await serve(cmd);
    } catch (e) {
      report = { error: String(e && e.stack ? e.stack : e) };
    }
    cmd = control(report);
  }
})();
`;
}
