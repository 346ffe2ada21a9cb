/**
 * The datasets of a clearly synthetic corpus (the seeds with other real place names, each file
 * marked 【合成测试数据 SYNTHETIC】), generated and ingested once under bench-out/, never data/.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PUBLISHED_TABLES } from '../../src/lib/db/published';
import { writeTableFiles } from '../../src/lib/server/datasets';
import { ingest } from '../lib/ingest';
import { generateCorpus } from '../lib/synthetic-corpus';

export interface DatasetsManifest {
	tables: { name: string; rows: number }[];
}

export const reportCount = (m: DatasetsManifest): number => m.tables.find((t) => t.name === 'reports')!.rows;

export const readManifest = (datasetsDir: string): DatasetsManifest =>
	JSON.parse(readFileSync(path.join(datasetsDir, 'manifest.json'), 'utf8')) as DatasetsManifest;

/** `count` reports' datasets in `datasetsDir`, reused when already there for that count. */
export async function syntheticDatasets(
	count: number,
	corpusDir: string,
	datasetsDir: string
): Promise<DatasetsManifest> {
	if (existsSync(path.join(datasetsDir, 'manifest.json'))) {
		const m = readManifest(datasetsDir);
		if (m.tables.find((t) => t.name === 'reports')?.rows === count) return m;
	}
	console.error(`generating ${count} synthetic reports in ${path.relative('.', corpusDir)}/ …`);
	generateCorpus({ seedsDir: 'data/reports', outDir: corpusDir, count });
	await ingest({ inputs: [corpusDir], out: datasetsDir }, { log: () => {} });
	return readManifest(datasetsDir);
}

/** The database file of every table the browser attaches (see routes/tables/), from `datasetsDir`. */
export async function syntheticTables(datasetsDir: string, tablesDir: string): Promise<void> {
	rmSync(tablesDir, { recursive: true, force: true });
	mkdirSync(tablesDir, { recursive: true });
	await writeTableFiles(tablesDir, PUBLISHED_TABLES, datasetsDir);
}
