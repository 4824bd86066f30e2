/**
 * Our YAML nodes and the `yaml` package's, flattened to the same list of lines (path, start
 * offset, kind, typed value) so tests can compare the two readers. The `yaml` package is the
 * reference here only; the plugin does not use its nodes.
 */
import { isAlias as isYamlAlias, isMap as isYamlMap, isPair as isYamlPair, isScalar as isYamlScalar, isSeq as isYamlSeq, type Node } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, type YamlNode } from '../../../src/core/topology/yaml/yaml-nodes';

function scalarText(value: unknown): string {
	return typeof value === 'symbol' || value === '<<' ? 'merge' : `${typeof value}:${String(value)}`;
}

/** The `yaml` package's tree. The merge key `<<` is compared as text (yaml marks it with a symbol). */
export function yamlPackageNodes(node: unknown, path = '$', out: string[] = []): string[] {
	const n = node as Node | null;
	if (!n) return out;
	const at = `${path}@${n.range?.[0] ?? '?'}`;
	if (isYamlScalar(n)) out.push(`${at} ${scalarText(n.value)}`);
	else if (isYamlMap(n)) {
		out.push(`${at} map`);
		for (const [i, pair] of n.items.entries()) if (isYamlPair(pair)) {
			yamlPackageNodes(pair.key, `${path}.k${i}`, out);
			yamlPackageNodes(pair.value, `${path}.v${i}`, out);
		}
	} else if (isYamlSeq(n)) {
		out.push(`${at} seq`);
		for (const [i, item] of n.items.entries()) yamlPackageNodes(item, `${path}[${i}]`, out);
	} else if (isYamlAlias(n)) out.push(`${at} alias:${n.source}`);
	else out.push(`${at} other`);
	return out;
}

/** Our tree, in the same form. */
export function ourNodes(node: YamlNode | null | undefined, path = '$', out: string[] = []): string[] {
	if (!node) return out;
	const at = `${path}@${node.range[0]}`;
	if (isScalar(node)) out.push(`${at} ${scalarText(node.value)}`);
	else if (isMap(node)) {
		out.push(`${at} map`);
		for (const [i, pair] of node.items.entries()) {
			ourNodes(pair.key, `${path}.k${i}`, out);
			ourNodes(pair.value, `${path}.v${i}`, out);
		}
	} else if (isSeq(node)) {
		out.push(`${at} seq`);
		for (const [i, item] of node.items.entries()) ourNodes(item, `${path}[${i}]`, out);
	} else if (isAlias(node)) out.push(`${at} alias:${node.name}`);
	return out;
}
