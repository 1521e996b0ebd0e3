/**
 * Line layout for the guest-side inspector: deciding between one-line and
 * multi-line output, and Node's column grouping of long arrays.
 */

import { KIND_ARRAY_EXTRAS, type Ctx, type EntryKind } from './types.js';
import { safeGet } from './reflect.js';
import { stringWidth } from './width.js';

/** Width of the `, ` separator between grouped entries. */
const SEPARATOR = 2;
/** Node assumes a character is about 2.5 times as high as it is wide. */
const CHAR_HEIGHT = 2.5;
const MAX_COLUMNS = 15;

interface Measure { lengths: number[]; total: number; longest: number; counted: number }

function measure(ctx: Ctx, output: string[]): Measure {
  // A trailing "... more items" entry does not take part in the layout.
  const counted = ctx.maxArrayLength < output.length ? output.length - 1 : output.length;
  const lengths: number[] = [];
  let total = 0;
  let longest = 0;
  for (let i = 0; i < counted; i++) {
    const len = stringWidth(output[i] ?? '');
    lengths.push(len);
    total += len + SEPARATOR;
    longest = Math.max(longest, len);
  }
  return { lengths, total, longest, counted };
}

function columnCount(ctx: Ctx, m: Measure, entries: number): number {
  const widest = m.longest + SEPARATOR;
  const averageBias = Math.sqrt(widest - m.total / entries);
  const biased = Math.max(widest - 3 - averageBias, 1);
  return Math.min(
    Math.round(Math.sqrt(CHAR_HEIGHT * biased * m.counted) / biased),
    Math.floor((ctx.breakLength - ctx.indentationLvl) / widest),
    Number(ctx.compact) * 4,
    MAX_COLUMNS,
  );
}

function allNumeric(value: object | undefined, count: number): boolean {
  if (value === undefined) return true;
  for (let i = 0; i < count; i++) {
    const item = safeGet(value, i);
    if (typeof item !== 'number' && typeof item !== 'bigint') return false;
  }
  return true;
}

function buildRows(output: string[], m: Measure, columns: number, padLeft: boolean): string[] {
  const widths: number[] = [];
  for (let col = 0; col < columns; col++) {
    let width = 0;
    for (let j = col; j < output.length; j += columns) width = Math.max(width, m.lengths[j] ?? 0);
    widths.push(width + SEPARATOR);
  }
  const rows: string[] = [];
  for (let start = 0; start < m.counted; start += columns) {
    const end = Math.min(start + columns, m.counted);
    let row = '';
    for (let j = start; j < end - 1; j++) {
      const cell = `${output[j] ?? ''}, `;
      // Pad by display width: add back what stringWidth() did not count.
      const width = (widths[j - start] ?? 0) + cell.length - 2 - (m.lengths[j] ?? 0);
      row += padLeft ? cell.padStart(width) : cell.padEnd(width);
    }
    const last = output[end - 1] ?? '';
    if (padLeft) {
      const width = (widths[end - 1 - start] ?? 0) + last.length - (m.lengths[end - 1] ?? 0) - SEPARATOR;
      row += last.padStart(width);
    } else {
      row += last;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Node's `groupArrayElements`: arrange many short array entries in aligned
 * columns (numbers right-aligned, everything else left-aligned).
 */
export function groupArrayElements(ctx: Ctx, output: string[], value: object | undefined): string[] {
  const m = measure(ctx, output);
  const widest = m.longest + SEPARATOR;
  if (widest * 3 + ctx.indentationLvl >= ctx.breakLength ||
      (m.total / widest <= 5 && m.longest > 6)) {
    return output;
  }
  const columns = columnCount(ctx, m, output.length);
  if (columns <= 1) return output;
  const rows = buildRows(output, m, columns, allNumeric(value, output.length));
  if (m.counted < output.length) rows.push(output[m.counted] ?? '');
  return rows;
}

/** Whether `output` fits on one line of `ctx.breakLength` characters. */
function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function compactTrueLayout(ctx: Ctx, output: string[], base: string, braces: [string, string]): string {
  const head = base ? ` ${base}` : '';
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${head} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${head}\n${indentation}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

/**
 * Node's `reduceToSingleString`: join the formatted entries of a container
 * either on one line (when `compact` allows it and it fits) or one per line.
 */
export function reduceToSingleString(
  ctx: Ctx, entries: string[], base: string, braces: [string, string],
  kind: EntryKind, recurseTimes: number, value?: object,
): string {
  if (ctx.compact === true) return compactTrueLayout(ctx, entries, base, braces);
  let output = entries;
  if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
    const count = output.length;
    if (kind === KIND_ARRAY_EXTRAS && count > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && count === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      const joined = output.join(', ');
      if (isBelowBreakLength(ctx, output, start, base) && !joined.includes('\n')) {
        return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}
