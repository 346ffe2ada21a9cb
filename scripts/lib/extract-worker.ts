/** Worker thread for file-pool.ts: processes one FileTask per message, answers with its outcome. */
import { errorMessage } from '../../src/lib/error-message';
import { parentPort, workerData } from 'node:worker_threads';
import { extractReport } from '../../src/lib/extract/index';
import { processFile, type FileTask } from './process-file';

const { maxChars, textsDir } = workerData as { maxChars: number; textsDir: string };

parentPort!.on('message', (task: FileTask) => {
	processFile(task, { extract: extractReport, maxChars, textsDir }).then(
		(outcome) => parentPort!.postMessage(outcome),
		// processFile does not throw; if it ever does, the file fails and the pool goes on.
		(e: unknown) =>
			parentPort!.postMessage({
				index: task.index,
				name: task.name,
				sha256: '',
				bytes: 0,
				ms: { read: 0, extract: 0 },
				status: 'failed',
				reason: `处理出错 (worker error): ${errorMessage(e)}`
			})
	);
});
