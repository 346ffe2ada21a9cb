/** Expands the ingest's FILES-or-DIRS arguments into a sorted, de-duplicated list of files. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CliError } from './cli-error';
import { extensionOf, REPORT_EXTENSIONS } from '../../src/lib/read/read-report-file';

export interface InputFile {
	/** Path to open. */
	path: string;
	/** Name recorded as reports.source_file: relative to the directory given, or the basename. */
	name: string;
}

const wanted = (name: string) =>
	(REPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name)) &&
	// Hidden files and Word's "~$name.docx" lock files are never reports.
	!name.startsWith('.') &&
	!name.startsWith('~$');

function walk(dir: string, out: string[]) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith('.')) continue;
		const p = join(dir, entry.name);
		if (entry.isDirectory()) walk(p, out);
		else if (entry.isFile() && wanted(entry.name)) out.push(p);
	}
}

/**
 * Directories are searched recursively for .txt/.docx; a file named explicitly is taken whatever
 * its extension, so an unsupported one gets a clear "unsupported type" line instead of silence.
 */
export function findInputs(args: readonly string[]): InputFile[] {
	const seen = new Set<string>();
	const files: InputFile[] = [];
	for (const arg of args) {
		let st;
		try {
			st = statSync(arg);
		} catch (e) {
			throw new CliError(`输入路径不存在 (no such file or directory): ${arg}`, { exitCode: 2, cause: e });
		}
		const found: InputFile[] = [];
		if (st.isDirectory()) {
			const paths: string[] = [];
			walk(arg, paths);
			for (const p of paths) found.push({ path: p, name: relative(arg, p).split('\\').join('/') });
		} else {
			found.push({ path: arg, name: basename(arg) });
		}
		// Code-unit order, not locale order: the same inputs give the same output on every machine.
		found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const f of found) {
			const real = realpathSync(resolve(f.path));
			if (seen.has(real)) continue; // the same file named twice (a dir and a file in it)
			seen.add(real);
			files.push(f);
		}
	}
	return files;
}
