/** The import worker's messages: one dropped file in, its outcome out. */
import type { ExtractedRows } from '../extract/types';

export interface ParseRequest {
	readonly id: number;
	readonly name: string;
	readonly bytes: ArrayBuffer;
}

/** One dropped file's outcome: parsed (its rows), not a report, or unreadable. */
export type ParsedFile = {
	readonly id: number;
	readonly name: string;
	readonly size: number;
	/** sha256 hex of the bytes ('' when not computed). */
	readonly sha256: string;
	/** Milliseconds in the worker: read + decode, extract. */
	readonly ms: { readonly read: number; readonly extract: number };
} & (
	| { readonly status: 'ok'; readonly rows: ExtractedRows }
	| { readonly status: 'not_report' | 'failed'; readonly reason: string }
);
