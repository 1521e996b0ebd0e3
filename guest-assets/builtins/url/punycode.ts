/**
 * The guest's `punycode`: the npm punycode package, the very library Node bundles. Node 20 ships
 * its 2.1.0 and says so in `version`; the installed 2.3.x has the same functions, and the module
 * reports Node's version so a program sees what it sees under Node. Plain node 20 prints no warning
 * for `require('punycode')` (DEP0040 is documentation-only there), so none is printed here.
 */
import punycode from 'punycode';

/** The module object, with Node's keys in Node's order. */
export function createPunycode(): Record<string, unknown> {
  return {
    version: '2.1.0',
    ucs2: { decode: punycode.ucs2.decode, encode: punycode.ucs2.encode },
    decode: punycode.decode,
    encode: punycode.encode,
    toASCII: punycode.toASCII,
    toUnicode: punycode.toUnicode,
  };
}
