/**
 * Node's modules the sandbox does not allow: they start processes or threads, open sockets, or reach
 * into the runtime. `require` of each succeeds (many packages require them at load time and never
 * call them); every function throws ERR_ACCESS_DENIED (README, "Built-in modules").
 */
export const DENIED_MODULES: readonly string[] = [
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'dns/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'inspector/promises',
  'net',
  'repl',
  'tls',
  'trace_events',
  'wasi',
  'worker_threads',
];
