/**
 * The benchmark's control line between the host and a sandboxed guest.
 *
 * The guest has no generic "call a host method" API, so the line rides on the one fs call that
 * returns a string and that the benchmark never measures: `fs.mkdirSync(CONTROL_PREFIX + json)`.
 * The sandbox's `methods` option replaces that host handler; it takes the guest's report from the
 * path and answers, when the host has one, with the next command as JSON. Between batches the guest
 * therefore sits blocked in a long host call: exactly the state the idle-CPU check measures.
 */
export const CONTROL_METHOD = 'fs.mkdirSync';
export const CONTROL_PREFIX = '/.bench-control/';

export class Control {
  /** Resolvers of the guest's pending control call (it waits for a command). */
  #command;
  /** Resolver of whoever waits for the guest's next report. */
  #report;
  #failed;

  /** The `methods` to give createSandbox. */
  methods() {
    return {
      [CONTROL_METHOD]: (args) => {
        const path = String(args[0]);
        if (!path.startsWith(CONTROL_PREFIX)) throw new Error('mkdirSync is reserved for the benchmark control line');
        const report = JSON.parse(path.slice(CONTROL_PREFIX.length));
        return new Promise((resolve) => {
          this.#command = resolve;
          const waiter = this.#report;
          this.#report = undefined;
          waiter?.resolve(report);
        });
      },
    };
  }

  /** The guest's next report (its hello, or the answer to the command just sent). */
  next() {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#report = { resolve, reject };
    });
  }

  /** Sends a command to the guest (which must be waiting in its control call) and awaits its report. */
  send(command) {
    const answer = this.#command;
    if (!answer) return Promise.reject(this.#failed ?? new Error('the guest is not waiting for a command'));
    this.#command = undefined;
    const report = this.next();
    answer(JSON.stringify(command));
    return report;
  }

  /** The guest is gone: whoever waits for a report gets `error`. */
  fail(error) {
    this.#failed = error;
    this.#command = undefined;
    const waiter = this.#report;
    this.#report = undefined;
    waiter?.reject(error);
  }
}
