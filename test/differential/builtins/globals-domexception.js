// DOMException: name/message/code for every legacy name, the legacy constants on the class and its
// prototype, options with a name and a cause, instanceof Error, the stack's header, toString,
// descriptors, receiver checks, and what inspect prints before the stack frames.
const util = require('util');
const names = ['IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError', 'WrongDocumentError', 'InvalidCharacterError', 'NoDataAllowedError', 'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError', 'InUseAttributeError', 'InvalidStateError', 'SyntaxError', 'InvalidModificationError', 'NamespaceError', 'InvalidAccessError', 'ValidationError', 'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError', 'EncodingError', 'NotReadableError', 'OperationError', 'Error', 'whatever'];
console.log(names.map((n) => `${n}=${new DOMException('m', n).code}`).join(' '));
const e = new DOMException('boom', 'AbortError');
console.log(e.name, e.message, e.code, e instanceof Error, e instanceof DOMException, Object.prototype.toString.call(e), String(e));
console.log(e.stack.split('\n')[0], Object.getOwnPropertyNames(e), Object.keys(e), JSON.stringify(e));
console.log(util.inspect(e).split('\n')[0]);
const d = new DOMException();
console.log(JSON.stringify([d.name, d.message, d.code]), d.stack.split('\n')[0], String(d));
const withCause = new DOMException('c', { name: 'DataCloneError', cause: { x: 1 } });
console.log(withCause.name, withCause.code, withCause.cause, Object.getOwnPropertyDescriptor(withCause, 'cause'));
const noName = new DOMException('c', {});
console.log(noName.name, noName.code, 'cause' in noName);
const coerced = new DOMException(42, 7);
console.log(coerced.message, coerced.name, typeof coerced.message);
console.log(new DOMException('x', null).name, new DOMException('x', undefined).name);
console.log(DOMException.ABORT_ERR, DOMException.prototype.DATA_CLONE_ERR, e.TIMEOUT_ERR, DOMException.length, DOMException.name);
console.log(Object.getOwnPropertyNames(DOMException).join(','));
console.log(Object.getOwnPropertyNames(DOMException.prototype).join(','));
console.log(Object.getOwnPropertyDescriptor(DOMException, 'INDEX_SIZE_ERR'), Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').enumerable);
console.log(Object.getPrototypeOf(DOMException.prototype) === Error.prototype, Object.getPrototypeOf(DOMException) === Function.prototype);
try {
  Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get.call({});
} catch (err) {
  console.log(err.name, err.code, err.message, String(err));
}
try {
  throw new DOMException('thrown', 'SyntaxError');
} catch (err) {
  console.log(err.name, err.message, err.code, err instanceof DOMException);
}
class MyException extends DOMException {
  constructor() {
    super('sub', 'NotFoundError');
  }
}
const sub = new MyException();
console.log(sub.name, sub.code, sub instanceof DOMException, sub.stack.split('\n')[0]);
