/**
 * Arrays V8 holds with holey elements though they have no hole: every array the deserializer
 * makes (V8 creates them holey, and an array never becomes packed again). Written again, V8 writes
 * them sparse ('a'); the writer asks this set, since JavaScript cannot see an elements kind.
 */
export const holeyArrays = new WeakSet<unknown[]>();
