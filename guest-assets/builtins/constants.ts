import { guard, type Caps } from '../caps.js';

/** Node's constant tables (`os.constants`, `fs.constants`, `crypto.constants`). */
export interface NodeConstants {
  os: Record<string, unknown> & { signals: Record<string, number>; errno: Record<string, number>; priority: Record<string, number>; dlopen: Record<string, number> };
  fs: Record<string, number>;
  crypto: Record<string, number | string>;
}

let tables: NodeConstants | undefined;

/** The Worker's own constants, read once (they are Node's, for this platform). */
export function nodeConstants(caps: Caps): NodeConstants {
  if (tables) return tables;
  const text = guard(() => caps.nodeConstants());
  tables = (typeof text === 'string' ? JSON.parse(text) : {}) as NodeConstants;
  return tables;
}
