/**
 * The module bench's cases and implementations. Each case is a script in bench/modules/cases/ that
 * loads a package tree and prints a check line (what it got, and how many modules it loaded); every
 * implementation must print exactly what plain node prints.
 */

/** Cases, in report order. `role` says why the case is there. */
export const CASES = [
  { name: 'startup', file: 'cases/startup.js', loads: 'nothing', role: 'floor: the cost of a run itself' },
  { name: 'typescript', file: 'cases/typescript.js', loads: "require('typescript'): one ~9 MB file", role: 'one large file' },
  { name: 'webpack', file: 'cases/webpack.js', loads: "require('webpack') and its compiler (webpack.webpack): ~420 files", role: 'a many-file tree' },
  { name: 'babel', file: 'cases/babel.js', loads: '@babel/parser (one ~0.5 MB file) + @babel/generator and its tree: ~115 files', role: 'many-file alternative that needs only the built-ins the guest has' },
];

/**
 * Implementations. raw and legacy: a fresh createSandbox + runFile per sample in this process, over a
 * memory volume loaded once (loadDirectory is measured apart), no code cache. raw-cache: the same with a
 * CodeCache kept across samples (filled by the warm-up run). cli: a fresh process of the CLI with
 * `--mount .` (whole process, like node). node: a fresh `node CASE` process.
 */
export const IMPLS = ['node', 'raw', 'legacy', 'raw-cache', 'cli'];

/** Samples per case and implementation. */
export const MODES = { full: { samples: 7 }, quick: { samples: 3 } };
