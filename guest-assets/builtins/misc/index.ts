/**
 * The guest's smaller built-ins: `constants` (Node's deprecated merged table), `string_decoder`
 * (the package that is Node's own decoder for userland), `tty` (nothing is a terminal in the
 * sandbox), `diagnostics_channel`, `readline` and `readline/promises` (`v8` is in ../v8).
 */
import { StringDecoder as PackageDecoder } from 'string_decoder';
import { nodeError } from '../../node-errors.js';
import { nodeConstants } from '../constants.js';
import { accessDenied } from '../denied/index.js';
import type { BuiltinContext } from '../registry.js';
import { createDiagnosticsChannel } from './diagnostics-channel.js';
import { createReadline } from './readline.js';

/** The package's decoder with Node's check of the encoding (ERR_UNKNOWN_ENCODING, a TypeError). */
function decoderClass(ctx: BuiltinContext) {
  return class StringDecoder extends PackageDecoder {
    constructor(encoding?: unknown) {
      const name = encoding === undefined || encoding === null ? 'utf8' : String(encoding);
      if (!ctx.Buffer.isEncoding(name)) throw nodeError('ERR_UNKNOWN_ENCODING', 'TypeError', `Unknown encoding: ${name}`);
      super(name as BufferEncoding);
    }
  };
}

export function defineMisc(ctx: BuiltinContext): void {
  const { caps } = ctx;
  ctx.define('constants', () => {
    const t = nodeConstants(caps);
    // Node builds this table at start, before crypto's lazily computed default cipher list exists.
    const { defaultCipherList: _late, ...crypto } = t.crypto;
    return Object.freeze(Object.assign({}, t.os.dlopen, t.os.errno, t.os.priority, t.os.signals, t.fs, crypto));
  });
  ctx.define('string_decoder', () => ({ StringDecoder: decoderClass(ctx) }));
  ctx.define('tty', () => {
    const stream = (name: string) =>
      function () {
        throw accessDenied('tty', `new tty.${name}()`);
      };
    return { isatty: () => false, ReadStream: stream('ReadStream'), WriteStream: stream('WriteStream') };
  });
  ctx.define('diagnostics_channel', () => createDiagnosticsChannel((fn) => ctx.process.nextTick(fn)));
  ctx.define('readline', () => createReadline(ctx));
  ctx.define('readline/promises', () => (createReadline(ctx) as { promises: unknown }).promises);
}
