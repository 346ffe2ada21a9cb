import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/read/sha256';

const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256Hex', () => {
	it('gives the FIPS 180-4 test vectors', () => {
		expect(sha256Hex(new Uint8Array())).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('agrees with node:crypto at every padding boundary and on random bytes', () => {
		for (let n = 50; n < 140; n++) {
			const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
			expect(sha256Hex(b)).toBe(node(b));
		}
		fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => sha256Hex(b) === node(b)));
	});

	it('gives the ingest report_id of every seed report', () => {
		const dir = 'data/reports';
		for (const f of readdirSync(dir)) {
			const b = readFileSync(join(dir, f));
			expect(sha256Hex(b)).toBe(node(b));
		}
	});
});
