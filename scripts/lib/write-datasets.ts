/**
 * Writes the dataset folder (CSV + Parquet + Arrow per table, texts/, manifest.json) atomically:
 * everything goes into a sibling `${out}.tmp-${pid}` and is swapped in only when complete, so a
 * failed or interrupted ingest never leaves half a dataset where the site reads it.
 *
 * Rows are streamed: `append` turns them at once into CSV lines (flushed to disk) and compact
 * Arrow column buffers, so an ingest of ten thousand reports keeps neither row objects nor
 * report texts (which fact quotes, as V8 string slices, would otherwise keep alive) until the
 * end. Parquet is made from the finished CSV by DuckDB, which also re-reads and counts it.
 */
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { Zip, type ZipInputFile } from 'fflate';
import { TABLES, type Row, type TableDef, type TableName } from '../../src/lib/schema/tables';
import { BOM, csvHeader, csvLine } from './csv';
import { ArrowTableBuilder } from './arrow-columns';
import { csvToParquet, openDuckDB } from './export-parquet';
import type { Manifest, SourceEntry, TableEntry } from '../../src/lib/schema/manifest';
import { isSafeId } from './safe-id';

/** Flush CSV text to disk in chunks of about this many UTF-16 units. */
const FLUSH_AT = 1 << 20;

export type TableRows = { [T in TableName]: readonly Row<T>[] };

/** One table's outputs while rows arrive. */
interface TableSink {
	def: TableDef;
	fd: number;
	buf: string;
	rows: number;
	arrow: ArrowTableBuilder;
}

export function readToolInfo(): { name: string; version: string } {
	const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
	return { name: String(pkg.name), version: String(pkg.version) };
}

export class DatasetWriter {
	readonly out: string;
	readonly tmp: string;
	private sinks = new Map<string, TableSink>();
	private done = false;

	private constructor(out: string) {
		this.out = out.replace(/\/+$/, '');
		this.tmp = `${this.out}.tmp-${process.pid}`;
	}

	/** Creates the temp folder and opens one CSV per table of the contract. */
	static open(out: string): DatasetWriter {
		const w = new DatasetWriter(out);
		rmSync(w.tmp, { recursive: true, force: true });
		mkdirSync(join(w.tmp, 'texts'), { recursive: true });
		// Ctrl-C (the CLI turns SIGINT into exit) or a crash: leave no half-written temp folder.
		process.on('exit', w.cleanup);
		try {
			for (const def of TABLES) {
				const fd = openSync(join(w.tmp, `${def.name}.csv`), 'w');
				const arrow = new ArrowTableBuilder(def);
				w.sinks.set(def.name, { def, fd, buf: BOM + csvHeader(def.columns), rows: 0, arrow });
			}
		} catch (e) {
			w.abort();
			throw e;
		}
		return w;
	}

	/**
	 * Appends rows to one or more tables, all or nothing: every line is built (and every value
	 * checked against the contract) before any is kept, so a bad row throws and leaves no trace.
	 */
	append(rows: Partial<TableRows>): void {
		if (this.done) throw new Error('writer already closed');
		const pending: [TableSink, string, readonly object[]][] = [];
		for (const [table, list] of Object.entries(rows) as [TableName, readonly object[]][]) {
			const sink = this.sinks.get(table);
			if (!sink) throw new Error(`unknown table ${table}`);
			let text = '';
			for (const row of list) text += csvLine(row as Record<string, unknown>, sink.def.columns);
			pending.push([sink, text, list]);
		}
		for (const [sink, text, list] of pending) {
			sink.buf += text;
			sink.rows += list.length;
			for (const row of list) sink.arrow.append(row as Record<string, unknown>);
			if (sink.buf.length >= FLUSH_AT) this.flush(sink);
		}
	}

	/** Where `<report_id>.txt` files go (written directly by the ingest's workers). */
	get textsDir(): string {
		return join(this.tmp, 'texts');
	}

	/** Saves the normalized text a report's fact spans point into. */
	writeText(reportId: string, text: string): void {
		if (!isSafeId(reportId)) throw new Error(`unsafe report_id for a file name: ${reportId}`);
		writeFileSync(join(this.textsDir, `${reportId}.txt`), text);
	}

	/** Removes the text of a report that was refused after its text was written. */
	dropText(reportId: string): void {
		if (isSafeId(reportId)) rmSync(join(this.textsDir, `${reportId}.txt`), { force: true });
	}

	private flush(sink: TableSink) {
		if (sink.buf !== '') writeSync(sink.fd, sink.buf);
		sink.buf = '';
	}

	/** Writes Parquet, Arrow and manifest.json, then swaps the folder into place. */
	async commit(sources: readonly SourceEntry[], builtAt = new Date()): Promise<Manifest> {
		if (this.done) throw new Error('writer already closed');
		try {
			for (const sink of this.sinks.values()) {
				this.flush(sink);
				closeSync(sink.fd);
				sink.fd = -1;
			}
			const tables: TableEntry[] = [];
			const db = await openDuckDB();
			try {
				// DuckDB converts CSV → Parquet on its own threads while this thread writes Arrow.
				const parquet = (async () => {
					for (const sink of this.sinks.values()) {
						const name = sink.def.name;
						const rows = await csvToParquet(db.conn, sink.def, join(this.tmp, `${name}.csv`), {
							parquet: join(this.tmp, `${name}.parquet`),
							json: join(this.tmp, `${name}.json`)
						});
						// DuckDB read back what we counted: a CSV quoting slip cannot pass silently.
						if (rows !== sink.rows) throw new Error(`${name}: wrote ${sink.rows} rows but read back ${rows}`);
					}
				})();
				// Keep a rejection from going unhandled while the Arrow loop below runs.
				parquet.catch(() => {});
				for (const sink of this.sinks.values()) {
					const name = sink.def.name;
					writeFileSync(join(this.tmp, `${name}.arrow`), sink.arrow.toIPC());
					const files = {
						csv: `${name}.csv`,
						parquet: `${name}.parquet`,
						json: `${name}.json`,
						arrow: `${name}.arrow`
					};
					tables.push({ name, rows: sink.rows, files });
					// Let the Parquet chain issue its next statement between tables.
					await new Promise((r) => setImmediate(r));
				}
				await parquet;
			} finally {
				db.close();
			}
			const manifest: Manifest = {
				tool: readToolInfo(),
				built_at: builtAt.toISOString(),
				tables,
				sources: [...sources],
				archive: ARCHIVE
			};
			writeFileSync(join(this.tmp, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
			writeFileSync(join(this.tmp, ARCHIVE), await zipFolder(this.tmp));
			this.swap();
			this.done = true;
			process.off('exit', this.cleanup);
			return manifest;
		} catch (e) {
			this.abort();
			throw e;
		}
	}

	/** Old folder out of the way, new one in, old one deleted; on failure the old one goes back. */
	private swap() {
		mkdirSync(dirname(this.out), { recursive: true });
		const old = `${this.out}.old-${process.pid}`;
		const hadOld = existsSync(this.out);
		if (hadOld) renameSync(this.out, old);
		try {
			renameSync(this.tmp, this.out);
		} catch (e) {
			if (hadOld) renameSync(old, this.out);
			throw e;
		}
		if (hadOld) rmSync(old, { recursive: true, force: true });
	}

	/** Drops the temp folder; the previous output stays untouched. Safe to call twice. */
	abort(): void {
		for (const sink of this.sinks.values()) {
			if (sink.fd >= 0) {
				try {
					closeSync(sink.fd);
				} catch {
					// already closed
				}
				sink.fd = -1;
			}
		}
		this.done = true;
		process.off('exit', this.cleanup);
		rmSync(this.tmp, { recursive: true, force: true });
	}

	private readonly cleanup = () => {
		if (this.done) return;
		try {
			// Workers may still be writing texts while the process exits. Moving the folder away
			// first makes their next writes fail (the path is gone); retries catch writes in flight.
			const trash = `${this.tmp}.trash`;
			renameSync(this.tmp, trash);
			rmSync(trash, { recursive: true, force: true, maxRetries: 20, retryDelay: 25 });
		} catch {
			// Nothing more can be done on the way out; the folder name says whose it was.
		}
	};
}

/** The download of everything, at a stable URL next to the tables. */
export const ARCHIVE = 'jixiao-datasets.zip';

/**
 * Every table as CSV and Parquet, every normalized text and the manifest, in one zip. The JSON and
 * Arrow files hold the same rows again (each is a download of its own): at 10,000 reports they
 * doubled what was compressed, and compressing was most of the ingest's time (26 of 62 s).
 * fflate lays out the archive; each file is deflated by Node's zlib on libuv's threads (both cores,
 * native: 2.5× fflate's own deflate on the same texts) and handed to fflate as a finished entry.
 * Parquet is stored, not recompressed.
 */
const IN_ARCHIVE = /\.(csv|parquet|txt)$|^manifest\.json$/;
/**
 * zlib's level 3, not its default 6: 10,000 reports' 323 MB of CSV and text deflate in 3.9 s
 * instead of 5.4–5.8 s (both cores); the five seed texts come out 4 % larger (41.1 vs 39.4 KB).
 */
const DEFLATE_LEVEL = 3;
const deflate = promisify(deflateRaw);
async function zipFolder(dir: string): Promise<Uint8Array> {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && IN_ARCHIVE.test(e.name))
		.map((e) => {
			const path = join(e.parentPath, e.name);
			return { name: path.slice(dir.length + 1).replaceAll('\\', '/'), data: readFileSync(path) };
		});
	// One deflate per core at a time: each holds its own zlib state, and 10,000 at once took 2.9 GB.
	const bodies: Buffer[] = [];
	let next = 0;
	const lane = async () => {
		for (let i = next++; i < files.length; i = next++)
			bodies[i] = files[i].name.endsWith('.parquet')
				? files[i].data
				: await deflate(files[i].data, { level: DEFLATE_LEVEL });
	};
	await Promise.all(Array.from({ length: availableParallelism() }, lane));
	const chunks: Uint8Array[] = [];
	let failed: Error | null = null;
	const archive = new Zip((err, chunk) => (err ? (failed = err) : chunks.push(chunk)));
	files.forEach((f, i) => {
		const entry: ZipInputFile = {
			filename: f.name,
			size: f.data.length,
			crc: crc32(f.data),
			compression: bodies[i] === f.data ? 0 : 8,
			mtime: new Date('2000-01-01T00:00:00Z')
		};
		archive.add(entry);
		const b = bodies[i];
		entry.ondata!(null, new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength), true);
	});
	archive.end();
	if (failed) throw failed;
	return Buffer.concat(chunks);
}

/** All-at-once form: every table's rows, the texts by report_id, and the source list. */
export async function writeDatasets(
	out: string,
	data: {
		tables: TableRows;
		texts?: ReadonlyMap<string, string>;
		sources?: readonly SourceEntry[];
		builtAt?: Date;
	}
): Promise<Manifest> {
	const w = DatasetWriter.open(out);
	try {
		w.append(data.tables);
		for (const [id, text] of data.texts ?? []) w.writeText(id, text);
	} catch (e) {
		w.abort();
		throw e;
	}
	return w.commit(data.sources ?? [], data.builtAt);
}
