// util.MIMEType and util.MIMEParams: parsing (case, whitespace, quoted values, duplicates, invalid
// parameters dropped), serialization and toJSON, the setters and their errors, params' methods and
// iterators, a standalone MIMEParams, and the syntax errors with their positions.
const { MIMEType, MIMEParams, inspect } = require('util');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const inputs = [
  'text/html', 'Text/HTML; Charset="utf-8"', '  application/json ; a = b ; c; d="x\\"y\\\\z" ;a=dup', 'text/plain;q="unterminated',
  'multipart/form-data; boundary=----x', 'a/b;k=;l=" ";m="";n=v w', 'a/b;K=V;k=other', 'a/b;bad name=1;good=2', 'a/b;x="\\', 'a/b;é=1;v=é',
];
for (const text of inputs) {
  show(JSON.stringify(text), () => {
    const m = new MIMEType(text);
    return `${m.type} | ${m.subtype} | ${m.essence} | ${String(m)} | ${JSON.stringify(m)} | ${JSON.stringify([...m.params])}`;
  });
}
for (const bad of ['bad', 'text/', '/x', 'te xt/plain', 'text/pl ain', '', ' ', 'a/b c', '\u00e9/x']) show(`bad ${JSON.stringify(bad)}`, () => new MIMEType(bad));
show('non-string input', () => String(new MIMEType({ toString: () => 'x/Y' })));
const m = new MIMEType('text/plain;a=1');
m.type = 'APPLICATION';
m.subtype = 'X-Thing';
console.log(String(m), m.essence);
show('type empty', () => { m.type = ''; });
show('type invalid', () => { m.type = 'a b'; });
show('subtype invalid', () => { m.subtype = 'x/y'; });
show('essence read-only', () => { 'use strict'; m.essence = 'x'; });
const p = m.params;
console.log(p === m.params, p instanceof MIMEParams, p.get('a'), p.get('none'), p.has('a'), p.delete('a'), p.has('a'));
p.set('z', 'has space');
p.set('y', '');
p.set('x', 'q"uo\\te');
p.set(1, 2);
console.log(String(p), JSON.stringify(p), String(m));
show('set bad name', () => p.set('a b', 'x'));
show('set empty name', () => p.set('', 'x'));
show('set bad value', () => p.set('a', 'line\nbreak'));
console.log(Object.prototype.toString.call(p.entries()), [...p.keys()].join(','), [...p.values()].join(','), [...p].length, p[Symbol.iterator] === p.entries);
const alone = new MIMEParams();
alone.set('k', 'v');
console.log(String(alone), alone.get('k'), inspect(alone), inspect(m), MIMEType.name, MIMEType.length, MIMEParams.length);
console.log(Object.getOwnPropertyNames(MIMEType.prototype).join(','), Object.getOwnPropertyNames(MIMEParams.prototype).join(','));
console.log(MIMEType.prototype.toJSON === MIMEType.prototype.toString, MIMEParams.prototype.toJSON === MIMEParams.prototype.toString, typeof MIMEParams.parseParametersString);
