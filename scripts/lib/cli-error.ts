/** An error the CLI reports as one line and turns into a process exit code (no stack trace). */
export class CliError extends Error {
	readonly exitCode: number;

	constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
		super(message, { cause: options.cause });
		this.name = 'CliError';
		this.exitCode = options.exitCode ?? 1;
	}
}
