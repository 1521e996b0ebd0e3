/**
 * `util.inspect.colors` and `util.inspect.styles` as Node 20 has them (the guest's inspect never
 * colors its output, but styleText and programs read and extend these tables).
 */

/** SGR codes [open, close] per style name, in Node's order. */
const CODES: ReadonlyArray<readonly [string, number, number]> = [
  ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23], ['underline', 4, 24], ['blink', 5, 25],
  ['inverse', 7, 27], ['hidden', 8, 28], ['strikethrough', 9, 29], ['doubleunderline', 21, 24],
  ['black', 30, 39], ['red', 31, 39], ['green', 32, 39], ['yellow', 33, 39], ['blue', 34, 39], ['magenta', 35, 39],
  ['cyan', 36, 39], ['white', 37, 39], ['bgBlack', 40, 49], ['bgRed', 41, 49], ['bgGreen', 42, 49], ['bgYellow', 43, 49],
  ['bgBlue', 44, 49], ['bgMagenta', 45, 49], ['bgCyan', 46, 49], ['bgWhite', 47, 49], ['framed', 51, 54], ['overlined', 53, 55],
  ['gray', 90, 39], ['redBright', 91, 39], ['greenBright', 92, 39], ['yellowBright', 93, 39], ['blueBright', 94, 39],
  ['magentaBright', 95, 39], ['cyanBright', 96, 39], ['whiteBright', 97, 39], ['bgGray', 100, 49], ['bgRedBright', 101, 49],
  ['bgGreenBright', 102, 49], ['bgYellowBright', 103, 49], ['bgBlueBright', 104, 49], ['bgMagentaBright', 105, 49],
  ['bgCyanBright', 106, 49], ['bgWhiteBright', 107, 49],
];

/** Other names for some styles: non-enumerable accessors that read and write the style they stand for. */
const ALIASES: ReadonlyArray<readonly [alias: string, target: string]> = [
  ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'], ['faint', 'dim'],
  ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'], ['crossedOut', 'strikethrough'], ['conceal', 'hidden'],
  ['swapColors', 'inverse'], ['swapcolors', 'inverse'], ['doubleUnderline', 'doubleunderline'],
];

const STYLES: ReadonlyArray<readonly [string, string]> = [
  ['special', 'cyan'], ['number', 'yellow'], ['bigint', 'yellow'], ['boolean', 'yellow'], ['undefined', 'grey'], ['null', 'bold'],
  ['string', 'green'], ['symbol', 'green'], ['date', 'magenta'], ['regexp', 'red'], ['module', 'underline'],
];

/** A fresh `inspect.colors` (null prototype, as Node's). */
export function createColors(): Record<string, [number, number]> {
  const colors = Object.create(null) as Record<string, [number, number]>;
  for (const [name, open, close] of CODES) colors[name] = [open, close];
  for (const [alias, target] of ALIASES) {
    Object.defineProperty(colors, alias, {
      get(this: Record<string, unknown>) {
        return this[target];
      },
      set(this: Record<string, unknown>, value: unknown) {
        this[target] = value;
      },
      configurable: true,
      enumerable: false,
    });
  }
  return colors;
}

/** A fresh `inspect.styles` (null prototype, as Node's). */
export function createStyles(): Record<string, string> {
  const styles = Object.create(null) as Record<string, string>;
  for (const [kind, color] of STYLES) styles[kind] = color;
  return styles;
}
