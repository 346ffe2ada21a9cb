/** manifest.json: what the dataset folder holds and where every row came from. */

export type SourceStatus = 'ok' | 'failed' | 'not_report' | 'duplicate';

export interface SourceEntry {
	/** Path as given, relative to the input directory it was found in. */
	file: string;
	sha256: string;
	bytes: number;
	status: SourceStatus;
	reason?: string;
	/** For ok: the report's id; for duplicate: the id of the identical file that was ingested. */
	report_id?: string;
}

export interface TableEntry {
	name: string;
	rows: number;
	files: { csv: string; parquet: string; json: string; arrow: string };
}

export interface Manifest {
	tool: { name: string; version: string };
	built_at: string;
	tables: TableEntry[];
	sources: SourceEntry[];
	/** One zip of the whole folder (every table in every format, texts/, manifest.json). */
	archive: string;
}
