/**
 * Streams waiting for an engine. When the sandbox's live engines are all taken, an asynchronous
 * step that needs a new engine waits for one to close, as long as some open engine has a step
 * scheduled (its stream is making progress and may end): many one-step calls started at once
 * (`Promise.all` over files) then run as engines free up, as node's thread pool queues their work.
 * When no open engine has a step left, the waiting steps retry once more and fail with the sandbox's
 * error if the engines are still taken: they never wait on streams that are not moving.
 */

/** Steps scheduled on engines that are already open. */
let openSteps = 0;
/** Retries of the steps waiting for an engine, oldest first. */
const waiting: Array<() => void> = [];
let checkScheduled = false;

/** A step was scheduled on an open engine. */
export function stepScheduled(): void {
  openSteps++;
}

/**
 * That step ran. When none is left, the waiting steps retry after the current task (the step's own
 * stream may schedule its next step from a microtask).
 */
export function stepRan(setImmediate: (fn: () => void) => unknown): void {
  if (--openSteps > 0 || waiting.length === 0 || checkScheduled) return;
  checkScheduled = true;
  setImmediate(() => {
    checkScheduled = false;
    if (openSteps === 0) for (const retry of waiting.splice(0)) retry();
  });
}

/** Whether a step that found no free engine may wait for one. */
export function mayWait(): boolean {
  return openSteps > 0;
}

/** Queues a step's retry; `first` puts it back at the head (it was woken and lost the engine again). */
export function waitForEngine(retry: () => void, first = false): void {
  if (first) waiting.unshift(retry);
  else waiting.push(retry);
}

/** An engine was closed: the oldest waiting step may take it. */
export function engineFreed(): void {
  waiting.shift()?.();
}
