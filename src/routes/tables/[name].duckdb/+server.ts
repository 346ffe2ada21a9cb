/**
 * Prerendered: every table the browser loads (the contract tables and the shipped derived ones),
 * each as a DuckDB database file of its own that DuckDB-WASM attaches read-only and queries in
 * place (see $lib/db/published.ts) — no copy into the engine, and a third of the Arrow's bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { PUBLISHED_TABLES, publishedFile } from '$lib/db/published';
import { writeTableFiles } from '$lib/server/datasets';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => PUBLISHED_TABLES.map((name) => ({ name }));

/** Every file written once per build (one database loaded for all of them). */
let written: Promise<Map<string, Buffer<ArrayBuffer>>> | null = null;

async function writeAll(): Promise<Map<string, Buffer<ArrayBuffer>>> {
	const dir = mkdtempSync(path.join(tmpdir(), 'jx-tables-'));
	try {
		await writeTableFiles(dir, PUBLISHED_TABLES);
		return new Map(PUBLISHED_TABLES.map((n) => [n, readFileSync(path.join(dir, publishedFile(n)))]));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const GET: RequestHandler = async ({ params }) => {
	const bytes = (await (written ??= writeAll())).get(params.name);
	if (!bytes) error(404, `no table ${params.name}`);
	return new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } });
};
