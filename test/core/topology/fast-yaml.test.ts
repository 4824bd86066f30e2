import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { findTopologyBlocks } from '../../../src/core/topology';
import { languageById } from '../../../src/core/topology/registry';
import { readSimpleYaml } from '../../../src/core/topology/yaml/fast-yaml';
import { splitDocuments } from '../../../src/core/topology/yaml/yaml-documents';
import { SHOP } from './fixtures';
import { ourNodes, yamlPackageNodes } from './yaml-shape';

function agree(source: string): boolean {
	const fast = readSimpleYaml(source);
	if (!fast) return false;
	const doc = parseDocument(source, { uniqueKeys: false });
	expect(doc.errors).toEqual([]);
	expect(ourNodes(fast.root)).toEqual(yamlPackageNodes(doc.contents));
	return true;
}

function vaultBlocks(): string[] {
	const dir = path.resolve(__dirname, '../../../example-vault/클라우드');
	// Blocks of manifests hold several documents: each is read on its own. CloudFormation templates
	// use tags (`!Ref`), which the fast path leaves to the composer by design. Languages that read
	// their own syntax (Terraform's HCL) are not YAML at all.
	return fs
		.readdirSync(dir)
		.flatMap((f) => findTopologyBlocks(fs.readFileSync(path.join(dir, f), 'utf8')).filter((b) => languageById(b.kind)?.reads !== 'text').flatMap((b) => splitDocuments(b.content).map((d) => d.text).filter((t) => t.trim() !== '')))
		.filter((content) => !/(^|[\s[,])![A-Za-z]/.test(content));
}

describe('fast YAML path', () => {
	it('reads the example vault and the issue example exactly as the yaml package does', () => {
		const blocks = [SHOP.trim(), ...vaultBlocks()];
		expect(blocks.length).toBeGreaterThanOrEqual(6);
		for (const block of blocks) expect(agree(block)).toBe(true);
	});

	it('agrees on scalars: numbers, booleans, nulls, quotes and escapes, comments', () => {
		const source = [
			'a: 1',
			'b: -2.5e3',
			'c: 0x1F',
			'd: true',
			'e: ~',
			'f:',
			'g: "tab\\tq\\"u\\u00e9"',
			"h: 'it''s'",
			'i: http://x.example/a#frag  # comment',
			'j: 10.0.0.0/16',
			'k: "8080:80"',
			'l: [1, "two", {x: y}, [ ]]',
			'"quoted key": { a: , b: c }',
			'# a comment line',
			'list:',
			'- one',
			'-   two: 2',
			'    three: 3',
			'-',
			'  - nested',
			'm: .inf',
			'n: 웹서버 🚀',
		].join('\n');
		expect(agree(source)).toBe(true);
	});

	it('leaves everything else to the composer', () => {
		for (const source of ['a: &x 1\nb: *x', 'a: |\n  text', 'a: b\n  continued', '---\na: 1', 'a: [1,\n 2]', 'a:\n\tb: 1', 'a: b: c', 'a: !!str 1', '? complex\n: key', 'a: 1\n b: 2']) {
			expect(readSimpleYaml(source)).toBeNull();
		}
	});

	it('agrees with the yaml package on any document it accepts (property)', () => {
		const key = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('cidr', '0.0.0.0/0', 'a b', '웹', '100'));
		const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom('10.0.1.0/24', 'tcp 443 from 0.0.0.0/0', '8080:80', 'a: b', '- x', '#x', "it's", 'x # y'));
		const { value } = fc.letrec((tie) => ({
			value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
		}));
		let accepted = 0;
		fc.assert(
			fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom('block', 'flow', 'any'), (doc, style) => {
				const text = stringify(doc, { collectionStyle: style, lineWidth: 0 });
				if (agree(text)) accepted++;
			}),
			{ numRuns: 400 },
		);
		// The property only means something if the fast path takes most documents.
		expect(accepted).toBeGreaterThan(200);
	});
});
