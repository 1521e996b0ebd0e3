import { describeCase, formatReport, replay, runFuzz } from './index.js';
import { removeTempDirs } from '../test/e2e/helpers.js';

/**
 * `npm run fuzz -- [--seed N] [--count N] [--no-mount] [--no-race] [--no-shrink] [--replay I [--mode M]]`:
 * fuzzes the host side (see fuzz/index.ts) and prints counts per category, frames per second, and
 * every crash with its seed and a minimal reproducer. Exits 1 when it found a crash. FUZZ_TRACE=1 prints
 * each case before it is served (to find one that hangs).
 */

function parse(argv: readonly string[]) {
  const options = { seed: Date.now() % 0x100000000, count: 1_000_000, mount: true, race: true, shrink: true, replay: undefined as number | undefined, mode: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const number = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${arg} takes a non-negative integer`);
      return v;
    };
    if (arg === '--seed') options.seed = number();
    else if (arg === '--count') options.count = number();
    else if (arg === '--replay') options.replay = number();
    else if (arg === '--mode') options.mode = number();
    else if (arg === '--no-mount') options.mount = false;
    else if (arg === '--no-race') options.race = false;
    else if (arg === '--no-shrink') options.shrink = false;
    else if (arg === '--') continue;
    else throw new RangeError(`unknown option ${arg}`);
  }
  return options;
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  try {
    if (o.replay !== undefined) {
      const { c, findings } = await replay({ ...o, index: o.replay });
      console.log(`seed ${o.seed} case ${o.replay}: ${c.category}`);
      for (const line of describeCase(c)) console.log(`  ${line}`);
      console.log(findings.length === 0 ? 'no oracle failed' : findings.map((f) => `[${f.oracle}] ${f.message}`).join('\n'));
      return findings.length === 0 ? 0 : 1;
    }
    console.log(`fuzzing the host side: seed ${o.seed}, ${o.count} frames${o.mount ? '' : ', no mount'}${o.race ? '' : ', no race'}`);
    const report = await runFuzz({ ...o, progress: (line) => console.log(`  ${line}`) });
    for (const line of formatReport(report)) console.log(line);
    return report.crashes.length === 0 ? 0 : 1;
  } finally {
    removeTempDirs();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
