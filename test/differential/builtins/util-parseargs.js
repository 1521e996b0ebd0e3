// util.parseArgs: options, short groups, inline values, negation, defaults, multiple, tokens, the
// option terminator, strict and loose modes, and every configuration and usage error.
const { parseArgs } = require('util');
const t = (label, config) => {
  try {
    const r = parseArgs(config);
    console.log(label, JSON.stringify(r), Object.getPrototypeOf(r.values) === null, Object.keys(r).join(','));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
};
const opts = { flag: { type: 'boolean', short: 'f' }, name: { type: 'string', short: 'n' }, list: { type: 'string', multiple: true, short: 'l' }, verbose: { type: 'boolean', short: 'v', multiple: true } };
t('basic', { args: ['--flag', '-n', 'x', '--list', 'a', '-l', 'b', '-vvv'], options: opts });
t('inline', { args: ['--name=a=b', '-nvalue', '--list=', '-fv'], options: opts });
t('group with string last', { args: ['-fvn', 'x'], options: opts });
t('group with string inside', { args: ['-fnxyz'], options: opts });
t('terminator', { args: ['a', '--', '--flag', '-n'], options: opts, allowPositionals: true, tokens: true });
t('tokens', { args: ['-fn', 'v', '--name', 'w', 'pos', '--list=z'], options: opts, tokens: true, allowPositionals: true });
t('negative', { args: ['--no-flag', '--flag', '--no-flag'], options: opts, allowNegative: true });
t('negative not boolean', { args: ['--no-name'], options: opts, allowNegative: true });
t('negative off', { args: ['--no-flag'], options: opts });
t('negative loose', { args: ['--no-thing'], strict: false, allowNegative: true });
t('defaults', { args: ['--name', 'given'], options: { name: { type: 'string', default: 'd' }, other: { type: 'string', default: 'o' }, many: { type: 'boolean', multiple: true, default: [true, false] } } });
t('loose', { args: ['--unknown', '-xyz', '--k=v', 'pos', '-n', '--flag=1'], strict: false, options: opts });
t('loose positionals off', { args: ['pos'], strict: false, allowPositionals: false });
t('proto', { args: ['--__proto__', '--constructor'], strict: false });
t('proto default', { args: [], options: { __proto__: null, ['__proto__']: { type: 'string', default: 'x' } } });
t('unknown', { args: ['--nope'], options: opts });
t('unknown with positionals', { args: ['--nope'], options: opts, allowPositionals: true });
t('unknown short', { args: ['-z'], options: opts });
t('positional', { args: ['x'], options: opts });
t('missing value', { args: ['--name'], options: opts });
t('missing short value', { args: ['-n'], options: opts });
t('ambiguous long', { args: ['--name', '--flag'], options: opts });
t('ambiguous short', { args: ['-n', '-f'], options: opts });
t('dash value inline', { args: ['--name=-x', '-n-y'], options: opts });
t('single dash value', { args: ['--name', '-'], options: opts });
t('boolean with value', { args: ['--flag=yes'], options: opts });
t('short boolean with value', { args: ['-f=x'], options: opts });
t('args not array', { args: 'x' });
t('strict not boolean', { args: [], strict: 1 });
t('allowPositionals not boolean', { args: [], allowPositionals: 'y' });
t('tokens not boolean', { args: [], tokens: null });
t('allowNegative not boolean', { args: [], allowNegative: 0 });
t('options not object', { args: [], options: [] });
t('option not object', { args: [], options: { a: 'string' } });
t('bad type', { args: [], options: { a: { type: 'number' } } });
t('missing type', { args: [], options: { a: {} } });
t('short too long', { args: [], options: { a: { type: 'string', short: 'ab' } } });
t('short not string', { args: [], options: { a: { type: 'string', short: 1 } } });
t('multiple not boolean', { args: [], options: { a: { type: 'string', multiple: 'yes' } } });
t('default wrong type', { args: [], options: { a: { type: 'boolean', default: 'x' } } });
t('default not array', { args: [], options: { a: { type: 'string', multiple: true, default: 'x' } } });
t('default array item', { args: [], options: { a: { type: 'string', multiple: true, default: ['ok', 2] } } });
t('inherited config ignored', { __proto__: { args: ['--x'] } });
t('empty', { args: [] });
t('help is not an option in 20', { args: [], help: 'usage' });
try { parseArgs(null); } catch (e) { console.log('null config', e.name, e.message); }
process.argv.push('--from-argv');
t('default args', { strict: false });
