// Conditions in "exports" from require: nested objects tried in the package's key order, "node"
// and "require" and "default" matching, unknown conditions (browser, worker) skipped, an "import"-only
// target, arrays of targets (fall through on an invalid target or no match, not on a missing file).
const { show } = require('./show.cjs');

show('node.require', () => require('exp-cond').name);
show('key order: default listed before require', () => require('exp-cond/order').name);
show('browser and worker skipped', () => require('exp-cond/custom').name);
show('import-only', () => require('exp-cond/import-only'));
show('nested node.default.require', () => require('exp-cond/nested').name);
show('array: invalid first target skipped', () => require('exp-array').name);
show('array: unmatched conditions skipped', () => require('exp-array/cond-first').name);
show('array: null first', () => require('exp-array/null-first').name);
show('array: missing file first (no fallback)', () => require('exp-array/missing-first'));
show('array: every target invalid', () => require('exp-array/all-bad'));
show('resolve picks the require branch', () => require.resolve('dual'));
