// @stderr
// A throw inside a 'beforeExit' listener is an uncaught exception: reported, then 'exit' with 1.
process.on('beforeExit', () => {
  console.log('beforeExit');
  throw new TypeError('thrown in beforeExit');
});
process.on('exit', (code) => console.log('exit', code, process.exitCode));
