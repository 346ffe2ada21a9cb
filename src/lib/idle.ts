/** Runs `cb` when the browser is idle, at the latest after `timeout` ms (Safari: at once). */
export function whenIdle(cb: () => void, timeout: number): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(cb, { timeout });
	else setTimeout(cb, 1);
}
