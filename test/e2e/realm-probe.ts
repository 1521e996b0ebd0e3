/**
 * Guest-side probe: walks every object reachable from the given roots through own properties
 * (values, getters, setters), prototypes and `.constructor`, without calling getters, and checks
 * that the realm of each (the Function constructor found at the root of its prototype chain)
 * is the guest's own. Prints one JSON line: how many objects were seen and which were foreign.
 */
export const PROBE = `
function realmGlobal(o) {
  let p = o;
  for (let i = 0; i < 100; i++) { const q = Object.getPrototypeOf(p); if (q === null) break; p = q; }
  if (p === o && typeof o !== 'function' && Object.getPrototypeOf(o) === null) return globalThis; // null-prototype object: no realm reachable
  const d = Object.getOwnPropertyDescriptor(p, 'constructor');
  const C = d && d.value;
  if (typeof C !== 'function') return globalThis;
  const F = Object.getOwnPropertyDescriptor(C, 'constructor') ? C.constructor : Object.getPrototypeOf(C).constructor;
  return F('return globalThis')();
}
function probe(roots) {
  const seen = new Set(); const queue = []; const foreign = [];
  for (const [name, v] of Object.entries(roots)) queue.push([name, v]);
  for (let next = 0; next < queue.length && seen.size < 200000; next++) {
    const [path, v] = queue[next];
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    let g; try { g = realmGlobal(v); } catch (e) { g = 'threw ' + e; }
    if (g !== globalThis) foreign.push(path);
    queue.push([path + '.<proto>', Object.getPrototypeOf(v)]);
    // A typed array's elements are numbers: its index keys lead nowhere (and a large one has many).
    const view = ArrayBuffer.isView(v) && !(v instanceof DataView);
    for (const key of Reflect.ownKeys(v)) {
      if (view && typeof key === 'string' && String(Number(key)) === key) continue;
      const d = Object.getOwnPropertyDescriptor(v, key);
      const k = path + '.' + String(key);
      if ('value' in d) queue.push([k, d.value]);
      if (d.get) queue.push([k + '<get>', d.get]);
      if (d.set) queue.push([k + '<set>', d.set]);
    }
  }
  return { seen: seen.size, foreign: foreign.slice(0, 20) };
}
`;
