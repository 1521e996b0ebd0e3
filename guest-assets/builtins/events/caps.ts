/** The Worker's capabilities behind the guest's structuredClone (host/worker/caps/clone.ts). */
export interface CloneCaps {
  /**
   * Clones `value` with the HTML structured clone algorithm (the Worker's MessagePort serializer),
   * deserializing in the guest's realm; `transfer` is `options.transfer` as the guest read it.
   * Returns 1 when cloned; 0 when something of the guest's realm was thrown (a getter's or an
   * iterator's exception, or Node's TypeError or RangeError made in the guest's context); -1 when
   * the algorithm refused the value with a DOMException. cloneTaken then gives the clone, the
   * thrown value, or the refusal as `name NUL message`.
   */
  structuredClone(value: unknown, transfer: unknown): number;
  /** The result of the last structuredClone call (taken once). */
  cloneTaken(): unknown;
}
