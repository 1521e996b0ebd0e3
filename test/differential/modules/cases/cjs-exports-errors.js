// Invalid "exports" targets and package configs: ERR_INVALID_PACKAGE_TARGET (not "./", leaving the
// package, into node_modules, absolute, not a string), a "." key inside conditions (no condition),
// ERR_INVALID_MODULE_SPECIFIER for a pattern match with "..", ERR_INVALID_PACKAGE_CONFIG for "exports"
// mixing "." keys and conditions, and a package.json that is not JSON (for require, Node 20 throws a
// SyntaxError "Error parsing ..." with a path, not ERR_INVALID_PACKAGE_CONFIG); the loader works after each.
const { show } = require('./show.cjs');

show('target without ./', () => require('exp-bad/norel'));
show('target leaving the package', () => require('exp-bad/up'));
show('target into node_modules', () => require('exp-bad/nm'));
show('absolute target', () => require('exp-bad/abs'));
show('number target', () => require('exp-bad/num'));
show('conditions object whose "." key is no condition', () => require('exp-bad/keys'));
show('pattern target, fine', () => require('exp-bad/pat/x').name);
show('pattern match with "..": invalid', () => require('exp-bad/pat/../norel'));
show('mixed "." and condition keys', () => require('exp-mixed'));
show('invalid package.json', () => require('bad-json'));
show('invalid package.json of a file\'s scope', () => require('./lib/bad-scope/x.js'));
show('and the loader still works', () => require('exp-map').name);
