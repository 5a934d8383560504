/**
 * Resolves when the browser is idle, or after `timeoutMs` at the latest; where it cannot tell
 * (no requestIdleCallback), after `fallbackMs`.
 */
export function idle(timeoutMs: number, fallbackMs = 0): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, fallbackMs);
  });
}
