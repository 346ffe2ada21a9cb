import type { ClientInit } from '@sveltejs/kit';
import { openDatabase, startsDatabase } from '$lib/db/engine.svelte';

/** Resolves after the browser has produced a frame (or 100 ms, for tabs that do not render). */
function afterFirstFrame(): Promise<void> {
	return new Promise((resolve) => {
		const done = () => setTimeout(resolve, 0);
		requestAnimationFrame(done);
		setTimeout(resolve, 100);
	});
}

/**
 * Start DuckDB-WASM as early as the app starts (before hydration): its worker and wasm download
 * and compile off the main thread while the prerendered page is already on screen, so filters go
 * live sooner. Errors are shown by the filter bar (engine.phase/error). Not on /sql/ and /data/
 * (see startsDatabase).
 *
 * The app's modules load after the prerendered page's first frame (src/lib/server/defer-bootstrap.ts);
 * hydration waits for one frame more, so that frame is drawn before hydration's work starts
 * (first paint of `/` 164 ms without this wait, 148 ms with it: 50 interleaved loads each).
 */
export const init: ClientInit = async () => {
	if (startsDatabase()) openDatabase().catch(() => {});
	await afterFirstFrame();
};
