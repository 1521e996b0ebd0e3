// What the web stream cases print for a step: its result, or the error's class, code and message.
const show = (label, e) => console.log(label, '=>', e && e.name, e && e.code, e && e.message, e instanceof TypeError, e instanceof RangeError);

/** Runs `f` and prints `ok` or what it threw. */
function sync(label, f) {
  try {
    f();
    console.log(label, '=> ok');
  } catch (e) {
    show(label, e);
  }
}

/** Awaits `f()` and prints `ok` or what it threw or rejected with. */
async function later(label, f) {
  try {
    await f();
    console.log(label, '=> ok');
  } catch (e) {
    show(label, e);
  }
}

module.exports = { show, sync, later };
