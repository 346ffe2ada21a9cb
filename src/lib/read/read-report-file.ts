/**
 * Reads one input file into the text the extractor takes. Never throws: a file we cannot read is
 * a line in the ingest summary and the manifest (or a message on the import page), not the end of
 * the run. Pure: the Node ingest and the browser's import worker run this same code.
 */
import { errorMessage } from '../error-message';
import mammoth from 'mammoth';
import { decodeText, type DecodeOptions } from './decode-text';
import { docxHtmlToText } from './docx-to-text';

export type ReadResult = { text: string } | { error: string };

/** Extensions the ingest picks up when it walks a directory. */
export const REPORT_EXTENSIONS = ['.txt', '.docx'] as const;

export function extensionOf(name: string): string {
	const base = name.slice(name.lastIndexOf('/') + 1);
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export async function readReportFile(
	bytes: Uint8Array,
	name: string,
	options: DecodeOptions = {}
): Promise<ReadResult> {
	try {
		const ext = extensionOf(name);
		if (bytes.length === 0) return { error: '空文件 (empty file)' };
		if (ext === '.txt') {
			const d = decodeText(bytes, options);
			return 'error' in d ? d : { text: d.text };
		}
		if (ext === '.docx') return await readDocx(bytes);
		if (ext === '.doc' || ext === '.wps')
			return { error: `不支持旧版 Word 格式 ${ext}，请另存为 .docx (old ${ext} format; save as .docx)` };
		return { error: `不支持的文件类型 ${ext || '(无扩展名)'}，只读取 .txt 和 .docx (unsupported file type)` };
	} catch (e) {
		// Defensive: decoding should not throw, but one odd file must never stop the ingest.
		return { error: `读取失败 (read failed): ${errorMessage(e)}` };
	}
}

async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
	// A .docx is a zip: anything else (a renamed .doc, HTML, a truncated download) fails here.
	if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
		return { error: '不是有效的 .docx 文件（不是 zip 格式）(not a valid .docx: not a zip archive)' };
	let html: string;
	try {
		// mammoth's Node build reads `{buffer}`, its browser build (picked by the bundler through
		// package.json "browser") `{arrayBuffer}`; both hand the bytes to JSZip, which takes a Uint8Array.
		const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
		// Keep empty paragraphs: blank lines separate the blocks of "one cell per line" layouts.
		const result = await mammoth.convertToHtml(input, { ignoreEmptyParagraphs: false });
		html = result.value;
	} catch (e) {
		const why = errorMessage(e);
		return { error: `.docx 文件损坏或不完整 (corrupt or truncated .docx): ${why.split('\n')[0]}` };
	}
	const text = docxHtmlToText(html);
	if (text.trim() === '') return { error: '文档没有文字内容 (document has no text)' };
	return { text };
}
