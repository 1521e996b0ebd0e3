// Conditions picked per loader: the same "exports" and "imports" give the "import" branch to
// import and the "require" branch to require (createRequire), "node" for both, sugar for ".";
// self-reference by the package name from an ES module.
import Module from 'node:module';
import * as dual from 'dual';
import * as cond from 'exp-cond';
import * as sugar from 'exp-sugar';
import { name as impCond } from '#cond';
import selfEsm from 'app/esm';
import { fmt } from './show.cjs';

const require = Module.createRequire(import.meta.url);
const show = async (label, f) => { try { console.log(label, '=>', fmt(await f())); } catch (e) { console.log(label, '=> THROW', e.code, '|', e.message); } };
await show('dual: import', () => dual.name);
await show('dual: require', () => require('dual').name);
await show('exp-cond: node.import', () => cond.name);
await show('exp-cond: node.require', () => require('exp-cond').name);
await show('exp-cond/order: default first, for import too', async () => (await import('exp-cond/order')).default.name);
await show('exp-cond/import-only: import', async () => (await import('exp-cond/import-only')).name);
await show('exp-cond/import-only: require', () => require('exp-cond/import-only'));
await show('exp-cond/custom: no import branch', () => import('exp-cond/custom'));
await show('exp-cond/nested: only require under node.default', () => import('exp-cond/nested'));
await show('sugar: import', () => sugar.name);
await show('sugar: require', () => require('exp-sugar').name);
await show('#cond: import', () => impCond);
await show('#cond: require', () => require('#cond').name);
await show('self-reference: import', () => typeof selfEsm);
await show('self-reference: require', () => require('app/esm').name);
await show('self-reference: "." for import', async () => (await import('app')).default.name);
await show('array targets for import', async () => (await import('exp-array')).default.name);
