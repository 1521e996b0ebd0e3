'use strict';
// Paths given as file: URLs: WHATWG URLs, URL-like objects, and Node's refusals (scheme, host,
// encoded separators, legacy Url objects), through the sync, callback and promise forms.
const fs = require('fs');
const { pathToFileURL } = require('url');
const show = (e) => `${e.name} ${e.code} ${e.message}`;
fs.writeFileSync('u file.txt', 'spaced');
fs.writeFileSync('caf\u00e9.txt', 'accent');
const here = pathToFileURL(process.cwd() + '/');
const tries = {
  'URL object': new URL('u%20file.txt', here),
  'accented URL': new URL('caf%C3%A9.txt', here),
  'URL-like object': { href: new URL('u%20file.txt', here).href, protocol: 'file:', hostname: '', pathname: new URL('u%20file.txt', here).pathname },
  'URL-like without hostname': { href: 'file:///x', protocol: 'file:', pathname: '/x' },
  'http URL': new URL('http://example.com/x'),
  'file URL with host': new URL('file://example.com/x'),
  'encoded slash': new URL('a%2Fb', here),
  'legacy Url object': require('url').parse(new URL('u%20file.txt', here).href),
  'object without href': { protocol: 'file:', pathname: '/x' },
};
(async () => {
  for (const [label, p] of Object.entries(tries)) {
    try { console.log(label, 'sync', fs.readFileSync(p, 'utf8')); } catch (e) { console.log(label, 'sync', show(e)); }
    try { console.log(label, 'exists', fs.existsSync(p)); } catch (e) { console.log(label, 'exists', show(e)); }
    try { console.log(label, 'promise', await fs.promises.readFile(p, 'utf8')); } catch (e) { console.log(label, 'promise', show(e)); }
    await new Promise((done) => {
      try { fs.stat(p, (e, st) => { console.log(label, 'callback', e ? show(e) : st.isFile()); done(); }); } catch (e) { console.log(label, 'callback', show(e)); done(); }
    });
  }
})();
