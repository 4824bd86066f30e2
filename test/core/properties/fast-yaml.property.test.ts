/**
 * Our two YAML readers against the `yaml` package, over random and mutated blocks:
 * - the fast reader (src/core/topology/fast-yaml.ts) says either "I read this exactly as YAML
 *   would" or "not mine": whenever it answers, the `yaml` package reads the same values without
 *   an error, and every node starts at the same offset (diagnostic positions come from those);
 * - the composer (src/core/topology/yaml-compose.ts) reads every block: where the `yaml` package
 *   finds no error it finds none either and builds the same nodes at the same offsets, and where
 *   the package finds an error it reports one too.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readSimpleYaml } from '../../../src/core/topology/fast-yaml';
import { composeYaml } from '../../../src/core/topology/yaml-compose';
import { ourNodes, yamlPackageNodes } from '../topology/yaml-shape';
import { blockSource, runs, SEED } from './arbitraries';

function reference(source: string): ReturnType<typeof parseDocument> {
	return parseDocument(source, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false });
}

describe(`YAML readers agree with the yaml package (seed ${SEED})`, () => {
	it(`fast reader: same values and node offsets whenever it accepts a block (${runs().numRuns} blocks)`, () => {
		fc.assert(
			fc.property(blockSource, ({ source }) => {
				const fast = readSimpleYaml(source);
				if (!fast) return;
				const doc = reference(source);
				if (doc.errors.length > 0) throw new Error(`accepted a block the yaml package rejects: ${doc.errors[0]?.message ?? ''}`);
				expect(ourNodes(fast.root)).toEqual(yamlPackageNodes(doc.contents));
			}),
			runs(),
		);
	});

	it(`composer: same verdict, values and node offsets on every block (${runs().numRuns} blocks)`, () => {
		fc.assert(
			fc.property(blockSource, ({ source }) => {
				const ours = composeYaml(source);
				const doc = reference(source);
				const syntax = ours.problems.filter((p) => p.kind === 'syntax');
				if (doc.errors.length > 0) {
					expect(syntax.length).toBeGreaterThan(0);
					return;
				}
				expect(syntax).toEqual([]);
				expect(ourNodes(ours.root)).toEqual(yamlPackageNodes(doc.contents));
			}),
			runs(),
		);
	});
});
