import type { ClientInit } from '@sveltejs/kit';
import { openDatabase } from '$lib/db/engine.svelte';

/**
 * Start DuckDB-WASM as early as the app starts (before hydration): its worker and wasm download
 * and compile off the main thread while the prerendered page is already on screen, so filters go
 * live sooner. Errors are shown by the filter bar (engine.phase/error).
 */
export const init: ClientInit = () => {
	openDatabase().catch(() => {});
};
