// os: the functions exist with Node's types; values that are the sandbox's own are documented (README)
// and only their shape is compared here.
const os = require('os');
console.log(typeof os.EOL, JSON.stringify(os.EOL), os.endianness(), os.devNull);
console.log(['platform', 'type', 'arch', 'release', 'homedir', 'tmpdir', 'hostname', 'version', 'machine'].map((f) => `${f}:${typeof os[f]()}`).join(' '));
console.log(['totalmem', 'freemem', 'uptime', 'availableParallelism'].map((f) => `${f}:${typeof os[f]()}`).join(' '));
console.log(Array.isArray(os.cpus()), Array.isArray(os.loadavg()), os.loadavg().length, typeof os.networkInterfaces());
const u = os.userInfo();
console.log(Object.keys(u).join(','), typeof u.uid, typeof u.username);
console.log(os.constants.signals.SIGINT, os.constants.signals.SIGKILL, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_LOW);
console.log(typeof os.getPriority(), require('node:os') === os);
