// @stderr
// A throw inside an 'exit' listener is reported as an uncaught exception; the listeners after it do
// not run, and the run ends with status 1 (process.exitCode is unset).
process.on('beforeExit', (code) => console.log('beforeExit', code));
process.on('exit', (code) => {
  console.log('exit', code);
  throw new Error('thrown in an exit listener');
});
process.on('exit', () => console.log('never printed'));
setTimeout(() => console.log('timer'), 1);
