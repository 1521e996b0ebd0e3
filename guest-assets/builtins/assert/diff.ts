/**
 * The `+ actual - expected` diff of Node 20's strictEqual and deepStrictEqual messages: a line
 * diff of the two inspected values, runs of identical lines collapsed, at most about 50 lines,
 * and `a !== b` or a `^` under the first difference for short single-line values.
 */
import { inspect } from '../../inspect/index.js';

/** Node's texts for the operators. */
export const READABLE_OPERATOR: Record<string, string | undefined> = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

/** Two values whose inspected texts together are this short are shown as `a !== b`. */
const MAX_SHORT_LENGTH = 12;
/** The width a `^` indicator must fit in (stderr is never a terminal in the sandbox). */
const LINE_WIDTH = 80;
const SKIPPED = ' ... Lines skipped';

/** How assert shows a value in its messages, whatever inspect's defaults are. */
export function inspectValue(value: unknown): string {
  return inspect(value, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false,
    showProxy: false, sorted: true, getters: true,
  });
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null;

/** The diff being written: the main text, the pending `-` lines, and the counters Node keeps. */
interface Diff {
  res: string;
  other: string;
  printed: number;
  identical: number;
  skipped: boolean;
}

/** Before a differing line: shows up to the last three lines of the identical run before it. */
function flushIdentical(d: Diff, lines: readonly string[], i: number): void {
  if (d.identical > 2) {
    if (d.identical > 3) {
      if (d.identical > 4) {
        if (d.identical === 5) {
          d.res += `\n  ${lines[i - 3]}`;
          d.printed++;
        } else {
          d.res += '\n...';
          d.skipped = true;
        }
      }
      d.res += `\n  ${lines[i - 2]}`;
      d.printed++;
    }
    d.res += `\n  ${lines[i - 1]}`;
    d.printed++;
  }
  d.identical = 0;
}

/** Compares one pair of lines; equal but for a trailing comma counts as equal. */
function compareLine(d: Diff, actualLines: readonly string[], expectedLine: string, i: number): void {
  let actualLine = actualLines[i]!;
  let diverging = actualLine !== expectedLine && (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
  if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
    diverging = false;
    actualLine += ',';
  }
  if (diverging) {
    flushIdentical(d, actualLines, i);
    // Consecutive differing lines show as +++--- rather than +-+-+-.
    d.res += `\n+ ${actualLine}`;
    d.other += `\n- ${expectedLine}`;
    d.printed += 2;
    return;
  }
  d.res += d.other;
  d.other = '';
  d.identical++;
  if (d.identical <= 2) {
    d.res += `\n  ${actualLine}`;
    d.printed++;
  }
}

/** For short single-line values: the `a !== b` form (a string), else the indicator and counter to continue with. */
function singleLine(actual: unknown, expected: unknown, a: string, e: string, operator: string, header: string): string | { indicator: string; i: number } {
  const length = a.length + e.length;
  if (length <= MAX_SHORT_LENGTH) {
    if (!isObject(actual) && !isObject(expected) && (actual !== 0 || expected !== 0)) return `${header}\n\n${a} !== ${e}\n`;
    return { indicator: '', i: 0 };
  }
  if (operator === 'strictEqualObject' || length >= LINE_WIDTH) return { indicator: '', i: 0 };
  let i = 0;
  while (a[i] === e[i]) i++;
  // The first characters are left without an indicator (the counter carries on, as in Node).
  return i > 2 ? { indicator: `\n  ${' '.repeat(i)}^`, i: 0 } : { indicator: '', i };
}

/**
 * Node's message for a failed strictEqual or deepStrictEqual; a custom message (when truthy) takes
 * the place of the operator's text above the diff.
 */
export function createErrDiff(actual: unknown, expected: unknown, operator: string, message?: unknown): string {
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  if (operator === 'strictEqual' && ((isObject(actual) && isObject(expected)) || (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const header = `${(message as string) || READABLE_OPERATOR[operator]}`;
  let indicator = '';
  let i = 0;
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const single = singleLine(actual, expected, actualLines[0]!, expectedLines[0]!, operator, header);
    if (typeof single === 'string') return single;
    ({ indicator, i } = single);
  }
  // Identical lines at the end are cut down to three (four with one marked as skipped).
  let end = '';
  let other = '';
  while (actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines[actualLines.length - 1];
    if (i++ < 3) end = `\n  ${line}${end}`;
    else other = line!;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
  }
  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) return identicalMessage(actualInspected);
  const d: Diff = { res: '', other: '', printed: 0, identical: 0, skipped: false };
  if (i >= 5) {
    end = `\n...${end}`;
    d.skipped = true;
  }
  if (other !== '') end = `\n  ${other}${end}`;
  const head = `${header}\n+ actual - expected`;
  const longer = actualLines.length < maxLines ? expectedLines : actualLines;
  const sign = longer === actualLines ? '+' : '-';
  const common = longer === actualLines ? expectedLines.length : actualLines.length;
  for (i = 0; i < maxLines; i++) {
    if (common < i + 1) {
      flushIdentical(d, longer, i);
      if (longer === actualLines) d.res += `\n${sign} ${longer[i]}`;
      else d.other += `\n${sign} ${longer[i]}`;
      d.printed++;
    } else {
      compareLine(d, actualLines, expectedLines[i]!, i);
    }
    if (d.printed > 50 && i < maxLines - 2) return `${head}${SKIPPED}\n${d.res}\n...${d.other}\n...`;
  }
  return `${head}${d.skipped ? SKIPPED : ''}\n${d.res}${d.other}${end}${indicator}`;
}

/** Structurally equal values that are different objects: the value once, cut to 47 lines. */
function identicalMessage(inspected: string): string {
  const lines = inspected.split('\n');
  if (lines.length > 50) {
    lines[46] = '...';
    lines.length = 47;
  }
  return `${READABLE_OPERATOR.notIdentical}\n\n${lines.join('\n')}\n`;
}
