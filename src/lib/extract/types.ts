import type { AdminLevel, Row } from '../schema/tables';

export interface ExtractInput {
	/** Decoded text of the file (any line endings, debris and all). */
	readonly text: string;
	/** File name as the user knows it; goes to reports.source_file. */
	readonly sourceFile: string;
	/** sha256 hex of the file's bytes. */
	readonly sha256: string;
}

/** The department a report is about, as resolved by the extractor. */
export interface OrgRef {
	readonly org_id: string;
	readonly org_name: string;
	/** The name exactly as this report spells it (title or 单位名称). */
	readonly alias: string;
	readonly province: string | null;
	readonly prefecture: string | null;
	readonly county: string | null;
	readonly admin_level: AdminLevel | null;
}

export interface ExtractedRows {
	readonly reports: Row<'reports'>;
	readonly org: OrgRef;
	readonly sangong: Row<'sangong'>[];
	readonly spending: Row<'spending'>[];
	readonly indicators: Row<'indicators'>[];
	readonly projects: Row<'projects'>[];
	readonly facts: Row<'facts'>[];
	readonly findings: Row<'findings'>[];
}

export type ExtractResult =
	| ({ readonly ok: true; readonly text: string } & ExtractedRows)
	| { readonly ok: false; readonly text: string; readonly reason: string };
