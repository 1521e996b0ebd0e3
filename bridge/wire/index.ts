/**
 * The wire: frame layout and constants (protocol.ts), call and response frames (frame.ts), CBOR
 * arguments and values (values.ts), and error records (errors.ts). Pure; both sides use it.
 */
export * from './protocol.js';
export * from './frame.js';
export * from './values.js';
export * from './errors.js';
