/**
 * npm run ingest -- [--out DIR] [--strict] [FILES or DIRS...]
 *
 * Reads 部门整体支出绩效自评报告 (.txt in any Chinese encoding, .docx) and writes the normalized
 * datasets the site loads. All the work is in lib/ingest.ts; this file is argv and terminal only.
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from './lib/cli-error';
import { ingest, type IngestEffects, type IngestProgress } from './lib/ingest';
import { readToolInfo } from './lib/write-datasets';

/** Below this many files a bar only flickers. */
const PROGRESS_MIN_FILES = 20;

function terminalEffects(): IngestEffects {
	let multibar: cliProgress.MultiBar | null = null;
	let bar: cliProgress.SingleBar | null = null;
	const progress: IngestProgress = {
		start(total) {
			if (!process.stderr.isTTY || total <= PROGRESS_MIN_FILES) return;
			multibar = new cliProgress.MultiBar(
				{
					stream: process.stderr,
					format: '{bar} {value}/{total} {percentage}% · {eta_formatted} · {file}',
					hideCursor: true,
					clearOnComplete: true
				},
				cliProgress.Presets.shades_classic
			);
			bar = multibar.create(total, 0, { file: '' });
		},
		tick(file) {
			bar?.increment(1, { file: file.length > 40 ? '…' + file.slice(-39) : file });
		},
		stop() {
			multibar?.stop();
			multibar = null;
			bar = null;
		}
	};
	return {
		// While the bar is drawn, lines must go through it or they get overdrawn.
		log: (line) => (multibar ? multibar.log(line + '\n') : process.stderr.write(line + '\n')),
		progress
	};
}

async function main(argv: string[]) {
	const tool = readToolInfo();
	const program = new Command()
		.name('ingest')
		.description(
			'部门整体支出绩效自评报告 (.txt / .docx) → normalized datasets (CSV, Parquet, Arrow, manifest.json)'
		)
		.version(tool.version)
		.argument('[inputs...]', 'report files or directories (searched recursively for .txt and .docx)', [
			'data/reports/'
		])
		.option('-o, --out <dir>', 'output folder, replaced atomically', 'static/datasets/')
		.option('--strict', 'exit non-zero and keep the previous datasets when any file fails or is not a report')
		.option('-j, --jobs <n>', 'worker threads for reading and extracting (default: automatic)', (v) => {
			const n = Number.parseInt(v, 10);
			if (!Number.isInteger(n) || n < 1)
				throw new CliError(`--jobs must be a positive integer, got ${v}`, { exitCode: 2 });
			return n;
		})
		.showHelpAfterError()
		.parse(argv);
	const inputs = program.args.length > 0 ? program.args : ['data/reports/'];
	const opts = program.opts<{ out: string; strict?: boolean; jobs?: number }>();
	await ingest({ inputs, out: opts.out, strict: opts.strict === true, jobs: opts.jobs }, terminalEffects());
}

// Exit through process.exit so the writer's exit hook removes its temp folder.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main(process.argv).catch((e: unknown) => {
	if (e instanceof CliError) {
		process.stderr.write(`✗ ${e.message}\n`);
		process.exitCode = e.exitCode;
	} else {
		// An unexpected error is a bug: show the stack.
		console.error(e);
		process.exitCode = 70;
	}
});
