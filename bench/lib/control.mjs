/**
 * The benchmark's control line between the host and a sandboxed guest: one host function,
 * `require('host').benchNext(reportJson)`, that takes the guest's report and answers, once the host
 * has one, with the next command as JSON. It blocks the guest until then, so between batches the
 * guest sits blocked in a long host call: exactly the state the idle-CPU check measures.
 */
export const CONTROL_FUNCTION = 'benchNext';

export class Control {
  /** Resolvers of the guest's pending control call (it waits for a command). */
  #command;
  /** Resolver of whoever waits for the guest's next report. */
  #report;
  #failed;

  /** The `hostFunctions` to give createSandbox. */
  hostFunctions() {
    return {
      [CONTROL_FUNCTION]: (json) => {
        const report = JSON.parse(String(json));
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
