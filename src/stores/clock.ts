/**
 * The one place the app reads the clock and makes random ids, so tests can fix both.
 * The engine never reads them itself: stores pass `now()` in.
 */
let nowFn: () => number = () => Date.now();

export const now = (): number => nowFn();
export function setClock(fn: () => number): void {
  nowFn = fn;
}
export const tzOffset = (at = now()): number => new Date(at).getTimezoneOffset();

/** A random suffix for event ids (unique enough across tabs and devices). */
export function randomSuffix(): string {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return a[0]!.toString(36) + a[1]!.toString(36);
}
