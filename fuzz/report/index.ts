import type { Case, Finding, OracleName, Step } from '../types.js';
import { normalize } from '../oracles/errors.js';

export { shrink, caseBytes, type StillFails } from './shrink.js';

/**
 * The run's tally and its printout: cases and frames per category, notes (answers built from
 * exceptions, channels ended by the guest), and each crash (one per oracle and cause) with the seed,
 * the case's index, how to replay it, and its shrunken reproducer.
 */

/** Counts of one category. */
export interface CategoryStats {
  cases: number;
  frames: number;
  findings: number;
  /** Time spent serving its cases. */
  seconds: number;
}

/** One crash: an oracle that failed, its first case, and how to reproduce it. */
export interface Crash {
  oracle: OracleName;
  message: string;
  category: string;
  /** The run's seed and the case's index in it. */
  seed: number;
  index: number;
  /** Cases that failed the same way. */
  count: number;
  /** The session wire the case met (dispatch targets). */
  mode: number;
  /** Whether the case fails again alone, on a fresh target. */
  reproducible?: boolean;
  /** The first case that failed, and its shrunken form. */
  original: Case;
  minimal?: Case;
}

/** What a run found. */
export interface FuzzReport {
  seed: number;
  cases: number;
  frames: number;
  seconds: number;
  framesPerSecond: number;
  categories: Record<string, CategoryStats>;
  notes: Record<string, number>;
  crashes: Crash[];
  /** The real Sandbox run at the end: it worked, failed, or was not run. */
  sandbox?: 'works' | 'failed';
}

/** One crash per oracle and normalized message. */
export function signature(f: Finding): string {
  return `${f.oracle}: ${normalize(f.message)}`;
}

/** Frames in a case (a channel step, a race call, a codec input: one each). */
export function frameCount(c: Case): number {
  return c.target === 'memfs' || c.target === 'mount' ? c.frames.length : c.target === 'channel' ? c.steps.length : 1;
}

const MAX_HEX = 4096;

function hex(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return text.length <= MAX_HEX ? text : `${text.slice(0, MAX_HEX / 2)}…(${bytes.length} bytes)…${text.slice(-256)}`;
}

function describeStep(s: Step): string {
  if (s.do === 'post') return `post kind=${s.kind} length=${s.length ?? s.bytes.length}${s.then ? ` then rewrite @${s.then.at}=${hex(s.then.bytes)}` : ''} window=${hex(s.bytes)}`;
  if (s.do === 'bad-reply-read') return `call, then post kind=${s.kind} at reply chunk ${s.at}: ${hex(s.frame)}`;
  return `call ${hex(s.frame)}`;
}

/** A case as text a reader can feed back to the decoder, dispatcher or channel. */
export function describeCase(c: Case): string[] {
  switch (c.target) {
    case 'codec':
      return [`decoder ${c.decoder}${c.available === undefined ? '' : ` available=${c.available}`}: ${hex(c.bytes)}`];
    case 'memfs':
    case 'mount':
      return c.frames.map((f, i) => `frame ${i + 1}/${c.frames.length} (${f.length} bytes): ${hex(f)}`);
    default:
      return [`window ${c.window}`, ...c.steps.map(describeStep)];
  }
}

const MODES = ['raw (hello 2)', 'legacy (hello 1)', 'legacy (no hello)', 'old host (legacy)'];

/** The report as printed lines. */
export function formatReport(r: FuzzReport): string[] {
  const lines = [`seed ${r.seed}: ${r.frames} frames (${r.cases} cases) in ${r.seconds.toFixed(1)} s, ${Math.round(r.framesPerSecond)} frames/s`, '', 'frames per category:'];
  const names = Object.keys(r.categories).sort();
  const width = Math.max(...names.map((n) => n.length));
  for (const n of names) {
    const s = r.categories[n]!;
    lines.push(`  ${n.padEnd(width)}  ${String(s.frames).padStart(8)} frames  ${String(s.cases).padStart(8)} cases  ${s.seconds.toFixed(1).padStart(6)} s${s.findings ? `  ${s.findings} failing` : ''}`);
  }
  const notes = Object.entries(r.notes).sort((a, b) => b[1] - a[1]);
  if (notes.length > 0) {
    lines.push('', 'notes (answered or ended as documented; not crashes):');
    for (const [note, n] of notes.slice(0, 25)) lines.push(`  ${String(n).padStart(8)}  ${note}`);
    if (notes.length > 25) lines.push(`  … and ${notes.length - 25} more`);
  }
  if (r.sandbox) lines.push('', `a real Sandbox after the run: ${r.sandbox}`);
  lines.push('', r.crashes.length === 0 ? 'crashes: none' : `crashes: ${r.crashes.length}`);
  for (const c of r.crashes) {
    lines.push('', `[${c.oracle}] ${c.message}`, `  category ${c.category}; ${c.count} case(s); first at seed ${c.seed} case ${c.index}${c.original.target === 'memfs' || c.original.target === 'mount' ? `; session ${MODES[c.mode]}` : ''}`);
    lines.push(`  replay: npm run fuzz -- --seed ${c.seed} --replay ${c.index}`);
    if (c.reproducible === false) lines.push('  does not fail alone on a fresh target (it needs the state earlier cases left); the case as generated:');
    else if (c.minimal) lines.push('  minimal reproducer:');
    for (const line of describeCase(c.minimal ?? c.original)) lines.push(`    ${line}`);
  }
  return lines;
}
