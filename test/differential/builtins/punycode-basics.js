// punycode: the module Node bundles (require('punycode')): encode/decode, toASCII/toUnicode, ucs2,
// errors for invalid input, and its version; plain node 20 prints no deprecation warning for it.
const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode).join(), Object.keys(punycode.ucs2).join(), require('node:punycode') === punycode);
for (const s of ['mañana', 'bücher', '☃-⌘', 'ü', '', 'abc', '-> $1.00 <-', 'München-Ost', 'Ελληνικά', '日本語', '\ud83d\ude00', 'a-b-c']) {
  const e = punycode.encode(s);
  console.log(JSON.stringify(s), e, punycode.decode(e) === s);
}
for (const d of ['maana-pta', 'bcher-kva', 'tda', 'abc-', 'ZZZ', 'xn--', '99999999', 'a-\u00e9', '\u0080', 'ab-~', '-']) {
  try { console.log(JSON.stringify(d), JSON.stringify(punycode.decode(d))); } catch (e) { console.log(JSON.stringify(d), e.name, e.message, e.constructor === RangeError); }
}
for (const domain of ['mañana.com', 'xn--maana-pta.com', 'bücher.example', 'ABC.com', 'a.b.c', 'ü@ü.de', 'ümlaut。example', '', '☃.net', 'xn--n3h.net']) {
  console.log(JSON.stringify(domain), punycode.toASCII(domain), punycode.toUnicode(domain));
}
try { punycode.toUnicode('xn--a-ecp.ru'); console.log('ok'); } catch (e) { console.log(e.message); }
console.log(punycode.ucs2.decode('\ud83d\ude00a\ud800'), punycode.ucs2.encode([0x1f600, 97, 0xd800]).length, punycode.ucs2.encode([65, 66]));
try { punycode.ucs2.encode([0x110000]); } catch (e) { console.log(e.name); }
