/**
 * A deep plain copy of store data, safe to hand to IndexedDB (structuredClone refuses Vue's
 * reactive proxies, and toRaw only unwraps the top level). Store data is JSON-shaped by design.
 */
export function plain<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}
