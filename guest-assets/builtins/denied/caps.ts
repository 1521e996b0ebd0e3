/** The Worker's capability behind the guest's stand-ins for modules the sandbox does not allow. */
export interface DeniedCaps {
  /**
   * The shape of Node's module `name` as JSON text: `functions` ([key, function name, length] for
   * each function-valued export) and `data` (the exports that are plain JSON values, such as
   * `http.METHODS`). Empty for a name that is not one of the denied modules.
   */
  moduleShape(name: string): string;
}
