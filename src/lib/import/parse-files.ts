/**
 * Main-thread side of the import worker: hands files to one worker (reports are small; one worker
 * parses 50 of them in well under the 5 s budget and leaves the other core to the page) and
 * reports each outcome as it arrives.
 */
import { errorMessage } from '../error-message';
import type { ParsedFile, ParseRequest } from './types';

let seq = 0;

export async function parseFiles(files: readonly File[], onFile: (f: ParsedFile) => void): Promise<void> {
	if (files.length === 0) return;
	const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
	try {
		/** id → the file's name and what to do with its outcome. */
		const pending = new Map<number, { name: string; done: (f: ParsedFile) => void }>();
		worker.onmessage = (e: MessageEvent<ParsedFile>) => {
			pending.get(e.data.id)?.done(e.data);
			pending.delete(e.data.id);
		};
		const failAll = (reason: string) => {
			for (const [id, { name, done }] of pending)
				done({ id, name, size: 0, sha256: '', ms: { read: 0, extract: 0 }, status: 'failed', reason });
			pending.clear();
		};
		worker.onerror = (e) => failAll(`解析程序无法启动 (worker failed): ${e.message || '未知错误'}`);
		await Promise.all(
			files.map(async (file) => {
				const id = ++seq;
				const result = new Promise<ParsedFile>((done) => pending.set(id, { name: file.name, done }));
				let bytes: ArrayBuffer;
				try {
					bytes = await file.arrayBuffer();
				} catch (e) {
					pending.delete(id);
					onFile({
						id,
						name: file.name,
						size: file.size,
						sha256: '',
						ms: { read: 0, extract: 0 },
						status: 'failed',
						reason: `无法读取文件 (cannot read file): ${errorMessage(e)}`
					});
					return;
				}
				const req: ParseRequest = { id, name: file.name, bytes };
				worker.postMessage(req, [bytes]);
				onFile(await result);
			})
		);
	} finally {
		worker.terminate();
	}
}
