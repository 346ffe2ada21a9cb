/**
 * The hostile corpus: broken, hostile and tricky inputs, written at test time into a folder
 * (nothing big is committed). Each file's name says what it is; `EXPECT` says what the ingest
 * must do with it. Built from the seed reports in data/reports/ (read, never changed).
 *
 * The payload reports (`writePayloadReports`) are real-looking reports whose department name,
 * indicator names and prose carry HTML/script payloads; the portal browser tests build a site
 * that includes them (see tests/e2e-portal/).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeGb18030 } from '../helpers/legacy-encode';
import { textToDocx } from '../helpers/text-to-docx';

const SEEDS = 'data/reports';
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');
/** 中共邵阳市北塔区委办公室 2023: has indicator rows with text, prose and findings. */
const PAYLOAD_SEED = '002_39c952c7f1c00a81.txt';
/** 邵阳市大祥区人民政府办公室 2020: short, used for the garbled and same-department variants. */
const SMALL_SEED = '004_47e49c525fe1296a.txt';

/**
 * Each payload, if it ever ran, would open a dialog or set `window.__xss`; the browser tests
 * listen for both. No parentheses in the names: the extractor cuts a name at “(”.
 */
export const NAME_PAYLOADS = [
	'<script>alert`1`</script>',
	'<img/src=x/onerror=alert`2`>',
	"'><svg/onload=alert`3`>"
] as const;
/** No blanks either: table cells lose their blanks, and the payloads must arrive whole. */
export const TEXT_PAYLOADS = [
	'<img/src=x/onerror="window.__xss=4;alert(4)">',
	'"><svg/onload="window.__xss=5">',
	'<script>window.__xss=6</script>',
	'<iframe/srcdoc="<script>parent.__xss=7</script>">'
] as const;

/** The department name each payload report gets (what the extractor must publish, verbatim). */
export const payloadOrgName = (i: number) => `中共邵阳市北塔区委${NAME_PAYLOADS[i]}办公室`;

function payloadReport(i: number): string {
	const [a, b, c, d] = TEXT_PAYLOADS;
	return (
		seed(PAYLOAD_SEED)
			// The department names itself in a 单位名称 field (the extractor's first choice).
			.replace(
				'中共邵阳市北塔区委办公室2023年',
				`单位名称：${payloadOrgName(i)}\n中共邵阳市北塔区委办公室2023年`
			)
			// Indicator names (自评表 cells) and prose around published numbers.
			.replace('\t重要会议活动和法规办文工作', `\t重要会议活动${a}和法规办文工作`)
			.replace('\t加强政治建设', `\t加强${b}政治建设`)
			.replace('2023年收入实际完成594.67万元', `2023年${c}收入实际完成594.67万元`)
			.replace('2023年，我局实际支出594.67万元', `2023年，${d}我局实际支出594.67万元`)
	);
}

/** Three reports of three (payload-named) departments. */
export function writePayloadReports(dir: string): string[] {
	mkdirSync(dir, { recursive: true });
	return NAME_PAYLOADS.map((_, i) => {
		const p = path.join(dir, `payload_${i}.txt`);
		writeFileSync(p, payloadReport(i));
		return p;
	});
}

/** What the ingest must say about a file: ok, or one line naming it (✗ failed/not a report, = duplicate). */
export type Expect = 'ok' | 'refused' | 'duplicate';

export interface HostileCorpus {
	dir: string;
	expect: Record<string, Expect>;
}

/** Every digit replaced by a look-alike that is not a digit: no number survives. */
const garble = (text: string) =>
	text.replace(/[0-9０-９]/g, (d) => 'OlZEhSbTBq'[Number(d.normalize('NFKC'))]);

/**
 * Writes the corpus. `bigBytes` is the size of the huge text (50 MB in the test; smaller is
 * fine for a quick look).
 */
export async function writeHostileCorpus(dir: string, bigBytes = 50 * 1024 * 1024): Promise<HostileCorpus> {
	mkdirSync(dir, { recursive: true });
	const expect: Record<string, Expect> = {};
	const put = (name: string, bytes: string | Uint8Array, e: Expect) => {
		writeFileSync(path.join(dir, name), bytes);
		expect[name] = e;
	};

	put('empty.txt', '', 'refused');
	// Not text at all: deterministic noise with NUL bytes, named like a report.
	const noise = (seed: number) => {
		const b = new Uint8Array(4096);
		for (let i = 0, x = seed; i < b.length; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
		return b;
	};
	put('binary.txt', noise(7), 'refused');
	put('binary.docx', noise(8), 'refused');
	const docx = await textToDocx(seed(SMALL_SEED));
	put('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2)), 'refused');
	// GBK (GB18030) bytes, no BOM, no charset anywhere: must be detected and read as a report.
	put('gbk-no-hint.txt', encodeGb18030(seed('001_6d257a0b0d15b354.txt')), 'ok');
	// 10,000 lines of numbers: text, but no report.
	put(
		'numbers.txt',
		Array.from({ length: 10_000 }, (_, i) => `${i}\t${(i * 37.5).toFixed(2)}`).join('\n'),
		'refused'
	);
	// Every number garbled: still a report (title, department), but no value may be published.
	put('garbled-numbers.txt', garble(seed(SMALL_SEED)), 'ok');
	// The same bytes twice: ingested once (files are read in name order).
	copyFileSync(path.join(SEEDS, '003_b21f9ed3680f3343.txt'), path.join(dir, 'dup-1.txt'));
	expect['dup-1.txt'] = 'ok';
	copyFileSync(path.join(SEEDS, '003_b21f9ed3680f3343.txt'), path.join(dir, 'dup-2.txt'));
	expect['dup-2.txt'] = 'duplicate';
	// Two different reports for one department and year: both kept, a finding says so.
	writeFileSync(path.join(dir, 'same-org-year-a.txt'), seed(SMALL_SEED));
	expect['same-org-year-a.txt'] = 'ok';
	put('same-org-year-b.txt', seed(SMALL_SEED).replace('736.91万元', '737.91万元'), 'ok');
	for (const p of writePayloadReports(dir)) expect[path.basename(p)] = 'ok';
	// Huge: a report's text repeated to bigBytes — too long to be one report.
	const one = seed(PAYLOAD_SEED);
	const big = Buffer.alloc(bigBytes);
	for (let off = 0; off < bigBytes;) off += big.write(one, off);
	put('huge-50mb.txt', big, 'refused');
	return { dir, expect };
}
