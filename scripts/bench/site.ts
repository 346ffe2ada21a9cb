/** The site a benchmark measures: where it is served and which folders the server reads. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Site {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	readonly origin: string;
	/** The build served at the root. */
	readonly build: string;
	/** The floor pages, served at `/__floor/` (floor.ts). */
	readonly floor: string;
}

/** The file the server sends for one of the site's URLs (`/__floor/…` from the floor folder). */
export function fileOf(site: Site, url: string): string {
	const rel = decodeURIComponent(new URL(url).pathname);
	return rel.startsWith('/__floor/') ? path.join(site.floor, rel.slice(8)) : path.join(site.build, rel);
}

/** A served file's text, '' when there is none. */
export function bodyOf(site: Site, url: string): string {
	const f = fileOf(site, url);
	return existsSync(f) ? readFileSync(f, 'utf8') : '';
}
