/**
 * The guest's DOMException, shaped as Node 20's (lib/internal/per_context/domexception.js): an
 * Error subclass by prototype only, `name`, `message` and `code` as enumerable accessors of the
 * prototype, the legacy code constants on both the class and its prototype, an own `stack`, and
 * `new DOMException(message, { name, cause })`.
 */

/** Names that have a legacy code, in code order (1..25). */
const NAMES = [
  'IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError', 'WrongDocumentError', 'InvalidCharacterError',
  'NoDataAllowedError', 'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError', 'InUseAttributeError',
  'InvalidStateError', 'SyntaxError', 'InvalidModificationError', 'NamespaceError', 'InvalidAccessError',
  'ValidationError', 'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError',
  'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError',
] as const;

const CONSTANTS = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR',
  'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR',
  'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR',
  'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
] as const;

/** Names the WebIDL table dropped: they keep no code (0), as in Node. */
const DISUSED = new Set(['DOMStringSizeError', 'NoDataAllowedError', 'ValidationError']);

interface Internals {
  name: string;
  message: string;
}

const internals = new WeakMap<object, Internals>();

/** Node's ERR_INVALID_THIS for a DOMException accessor read from something else. */
function invalidThis(): TypeError {
  const err = new TypeError() as TypeError & { code: string };
  Object.defineProperties(err, {
    message: { value: 'Value of "this" must be of DOMException', enumerable: false, writable: true, configurable: true },
    toString: {
      value(this: Error) {
        return `${this.name} [ERR_INVALID_THIS]: ${this.message}`;
      },
      enumerable: false,
      writable: true,
      configurable: true,
    },
  });
  err.code = 'ERR_INVALID_THIS';
  return err;
}

function slots(self: object): Internals {
  const found = internals.get(self);
  if (found === undefined) throw invalidThis();
  return found;
}

export class DOMException {
  constructor(message: unknown = '', options: unknown = 'Error') {
    // The stack is captured first, as in Node; V8 formats its header when it is first read.
    Error.captureStackTrace(this);
    if (options !== null && typeof options === 'object') {
      const { name } = options as { name?: unknown };
      internals.set(this, { message: `${message as string}`, name: `${name as string}` });
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: (options as { cause: unknown }).cause, configurable: true, writable: true, enumerable: false });
      }
    } else {
      internals.set(this, { message: `${message as string}`, name: `${options as string}` });
    }
  }

  get name(): string {
    return slots(this).name;
  }

  get message(): string {
    return slots(this).message;
  }

  get code(): number {
    const { name } = slots(this);
    if (DISUSED.has(name)) return 0;
    return (NAMES as readonly string[]).indexOf(name) + 1;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'DOMException' },
  name: { enumerable: true, configurable: true },
  message: { enumerable: true, configurable: true },
  code: { enumerable: true, configurable: true },
});
CONSTANTS.forEach((constant, i) => {
  const desc = { enumerable: true, value: i + 1 };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
});

/** A guest DOMException (for errors the bridge raises with a DOMException name). */
export function domException(message: string, name: string): DOMException {
  return new DOMException(message, name);
}
