// url as an ES module import: default and named exports of node:url, querystring and punycode.
import url, { URL as NamedURL, fileURLToPath, pathToFileURL, parse, format } from 'node:url';
import qs, { stringify, parse as qsParse } from 'querystring';
import punycode from 'punycode';
console.log(NamedURL === URL, url.URL === URL, typeof fileURLToPath, fileURLToPath(pathToFileURL('/a b')), parse('http://x/y?z').query, format({ host: 'h', protocol: 'http' }));
console.log(stringify({ a: 1 }), JSON.stringify(qsParse('b=2')), qs.escape('c d'), punycode.toASCII('ü.de'), Object.keys(url).length);
console.log(fileURLToPath(import.meta.url).endsWith('url-esm.mjs'), new URL('./data/x', import.meta.url).pathname.endsWith('/app/data/x'));
