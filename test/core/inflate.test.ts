import * as fc from 'fast-check';
import { deflateRawSync } from 'zlib';
import { inflateRaw } from '../../src/core/inflate';
import { unpackJson } from '../../src/core/packed-json';
import { PACKED_LOGOS } from '../../src/core/topology/shared/icons/logos.generated';

const inflated = (bytes: Uint8Array, level: number) => Buffer.from(inflateRaw(new Uint8Array(deflateRawSync(bytes, { level }))));

describe('inflate (raw DEFLATE, as Node zlib writes it)', () => {
	test('text at every level: stored (0), fixed and dynamic blocks', () => {
		const text = Buffer.from(JSON.stringify({ note: '토폴로지 다이어그램 VPC subnet '.repeat(400), n: [...Array(500).keys()] }));
		for (let level = 0; level <= 9; level++) expect(inflated(text, level).equals(text)).toBe(true);
	});

	test('any bytes, short runs and long ones, round-trip', () => {
		const bytes = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 400 })), { maxLength: 40 }).map((runs) => Uint8Array.from(runs.flatMap(([b, n]) => Array<number>(n).fill(b)))));
		fc.assert(
			fc.property(bytes, fc.integer({ min: 0, max: 9 }), (data, level) => {
				expect(inflated(data, level).equals(Buffer.from(data))).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	test('more than one block (a stored block holds at most 64 KB)', () => {
		const big = Buffer.alloc(200_000);
		for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
		expect(inflated(big, 0).equals(big)).toBe(true);
		expect(inflated(big, 6).equals(big)).toBe(true);
	});

	test('damaged or cut data throws instead of returning something', () => {
		const packed = new Uint8Array(deflateRawSync(Buffer.from('a'.repeat(1000) + 'bcdefgh'.repeat(50))));
		expect(() => inflateRaw(packed.subarray(0, packed.length - 3))).toThrow(/inflate/);
		expect(() => inflateRaw(Uint8Array.from([0x07]))).toThrow(/inflate/);
	});

	test('the logo table main.js carries unpacks to JSON', () => {
		const logos = unpackJson<Record<string, [number, number, string]>>(PACKED_LOGOS);
		expect(Object.keys(logos).length).toBeGreaterThan(10);
		for (const [width, height, body] of Object.values(logos)) expect([typeof width, typeof height, body.startsWith('<')]).toEqual(['number', 'number', true]);
	});
});
