/**
 * Stack traces of the guest show guest frames only. V8 puts every frame on the stack into a trace,
 * including the bridge's and the Worker's (whose file names are host paths); this installs an
 * `Error.prepareStackTrace` in the guest realm that drops them, and keeps doing so when guest code
 * installs its own formatter (that formatter receives the filtered call sites).
 */

interface CallSite {
  getFileName(): string | undefined | null;
  toString(): string;
}

type Formatter = (error: Error, sites: CallSite[]) => unknown;

/** Frames from these sources belong to the sandbox machinery, not to the guest. */
const HIDDEN = ['v8-fs-bridge:', 'node:'];

function header(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

/**
 * Stands for the frames of an error raised entirely inside the sandbox (a module that failed to
 * compile, say), where Node shows its own internal frames: the trace stays a trace (inspect prints
 * an error with no frames in brackets, which Node never does for these).
 */
const INTERNAL_FRAME = '    at <sandbox> (v8-fs-bridge:internal)';

/** V8's own format: the header line, then `    at <site>` per frame. */
function defaultFormat(error: Error, sites: CallSite[], hiddenAll: boolean): string {
  if (hiddenAll) return `${header(error)}\n${INTERNAL_FRAME}`;
  return [header(error), ...sites.map((s) => `    at ${String(s)}`)].join('\n');
}

/**
 * Installs the filtering formatter on this realm's `Error`. `hostFiles` is the file: URL of the
 * sandbox's own code (the Worker's files); guest ES modules also have file: URLs, and stay.
 */
export function installStackFilter(hostFiles: string): void {
  const hidden = [...HIDDEN, hostFiles];
  const isGuestFrame = (site: CallSite): boolean => {
    const file = site.getFileName();
    return typeof file !== 'string' || !hidden.some((prefix) => file.startsWith(prefix));
  };
  let userFormatter: Formatter | undefined;
  const filtered: Formatter = (error, sites) => {
    const kept = sites.filter(isGuestFrame);
    return userFormatter ? userFormatter(error, kept) : defaultFormat(error, kept, kept.length === 0 && sites.length > 0);
  };
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: false,
    enumerable: false,
    get: () => filtered,
    set: (fn: unknown) => {
      // Restoring the value read earlier (the filter itself) means "no formatter of my own".
      userFormatter = typeof fn === 'function' && fn !== filtered ? (fn as Formatter) : undefined;
    },
  });
}
