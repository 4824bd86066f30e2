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
import { readSimpleYaml } from '../../../src/core/topology/yaml/fast-yaml';
import { composeYaml } from '../../../src/core/topology/yaml/yaml-compose';
import { ourNodes, yamlPackageNodes } from '../topology/yaml-shape';
import { blockSource, runs, SEED } from './arbitraries';

function reference(source: string): ReturnType<typeof parseDocument> {
	return parseDocument(source, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false });
}

describe(`YAML readers agree with the yaml package (seed ${SEED})`, () => {
	// One property for both readers: the yaml package's reading of a block is the costly part.
	it(`fast reader and composer: same verdict, values and node offsets (${runs().numRuns} blocks)`, () => {
		let fastAccepted = 0;
		fc.assert(
			fc.property(blockSource, ({ source }) => {
				const doc = reference(source);
				const ours = composeYaml(source);
				const syntax = ours.problems.filter((p) => p.kind === 'syntax');
				const fast = readSimpleYaml(source);
				if (doc.errors.length > 0) {
					if (fast) throw new Error(`the fast reader accepted a block the yaml package rejects: ${doc.errors[0]?.message ?? ''}`);
					expect(syntax.length).toBeGreaterThan(0);
					return;
				}
				expect(syntax).toEqual([]);
				const expected = yamlPackageNodes(doc.contents);
				expect(ourNodes(ours.root)).toEqual(expected);
				if (fast) {
					fastAccepted++;
					expect(ourNodes(fast.root)).toEqual(expected);
				}
			}),
			runs(),
		);
		// The fast reader's half only means something if it takes a fair share of the blocks.
		expect(fastAccepted).toBeGreaterThan((runs().numRuns ?? 0) / 20);
	});
});
