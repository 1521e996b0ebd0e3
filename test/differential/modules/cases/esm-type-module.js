// @dir: esm
// A .js entry under "type": "module" (app/esm/package.json): it is an ES module; its .js siblings are
// ES modules, .cjs files are CommonJS, and the package scope ends at the nearest package.json.
import { name, url } from './lib.js';
import helper from './helper.cjs';
import { name as deeper } from './sub/deeper.js';
import { fmt } from '../show.cjs';

const show = (label, f) => console.log(label, '=>', fmt(f()));
show('entry is an ES module', () => [typeof require, typeof module, this]);
show('entry url', () => import.meta.url);
show('sibling .js', () => [name, url]);
show('.cjs is CommonJS', () => helper);
show('nested .js', () => deeper);
const outside = await import('../lib/esm/plain.js');
show('.js outside the scope is CommonJS', () => outside.default.name);
