// "exports" subpath patterns: "*" matching one or several segments, an exact key beating a pattern,
// Node's longest-prefix rule when two patterns match (then the longer key), a null pattern, a
// pattern with a suffix, a target using "*" twice, and the error for a match that is not exported.
const { show } = require('./show.cjs');

show('pattern, one segment', () => require('exp-patterns/features/a').name);
show('pattern, "*" spans a slash', () => require('exp-patterns/features/sub/b').name);
show('exact key beats a pattern', () => require('exp-patterns/features/exact').name);
show('longer prefix wins (internal/*)', () => require('exp-patterns/features/internal/c').name);
show('null pattern', () => require('exp-patterns/features/private/p'));
show('same prefix: the longer key (*.css) wins', () => require('exp-patterns/styles/main.css').name);
show('"*" twice in the target', () => require('exp-patterns/twice/t').name);
show('resolve through a pattern', () => require.resolve('exp-patterns/deep/x'));
show('pattern with nothing behind "*"', () => require('exp-patterns/features/'));
show('pattern whose file is missing', () => require('exp-patterns/features/none'));
show('no pattern matches', () => require('exp-patterns/other/a'));
show('"*" matching "..": invalid', () => require('exp-patterns/deep/../../package.json'));
show('"*" matching node_modules: invalid', () => require('exp-patterns/deep/node_modules/x'));
