/**
 * The fast YAML reader (src/core/topology/fast-yaml.ts) promises to say either "I read this
 * exactly as YAML would" or "not mine". Over random and mutated blocks: whenever it answers, the
 * `yaml` package reads the same values without an error, and every node starts at the same offset
 * (diagnostic positions come from those offsets).
 */
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { readSimpleYaml } from '../../../src/core/topology/fast-yaml';
import { blockSource, runs, SEED } from './arbitraries';

/**
 * Every node in document order: its path, start offset, kind and (for scalars) typed value. The
 * merge key `<<` is compared as text: yaml marks it with a symbol, the fast reader leaves the
 * string, and YamlSource.entries expands both the same way.
 */
function nodes(node: unknown, path = '$', out: string[] = []): string[] {
	const n = node as Node | null;
	if (!n) return out;
	const at = `${path}@${n.range?.[0] ?? '?'}`;
	if (isScalar(n)) {
		const v: unknown = n.value;
		out.push(`${at} ${typeof v === 'symbol' || v === '<<' ? 'merge' : `${typeof v}:${String(v)}`}`);
	} else if (isMap(n)) {
		out.push(`${at} map`);
		for (const [i, pair] of n.items.entries()) if (isPair(pair)) {
			nodes(pair.key, `${path}.k${i}`, out);
			nodes(pair.value, `${path}.v${i}`, out);
		}
	} else if (isSeq(n)) {
		out.push(`${at} seq`);
		for (const [i, item] of n.items.entries()) nodes(item, `${path}[${i}]`, out);
	} else {
		out.push(`${at} other`);
	}
	return out;
}

describe(`fast YAML reader agrees with the yaml package (seed ${SEED})`, () => {
	it(`same values and node offsets whenever it accepts a block (seed ${SEED}, ${runs().numRuns} blocks)`, () => {
		fc.assert(
			fc.property(blockSource, ({ source }) => {
				const fast = readSimpleYaml(source);
				if (!fast) return;
				const doc = parseDocument(source, { lineCounter: new LineCounter(), uniqueKeys: false, merge: true, prettyErrors: false, strict: false });
				if (doc.errors.length > 0) throw new Error(`accepted a block the yaml package rejects: ${doc.errors[0]?.message ?? ''}`);
				expect(nodes(fast.root)).toEqual(nodes(doc.contents));
			}),
			runs(),
		);
	});
});
