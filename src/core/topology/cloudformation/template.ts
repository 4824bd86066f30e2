/**
 * A CloudFormation template as read from a block: its sections (Parameters, Mappings, Conditions,
 * Resources, Metadata) with positions, and the block options written as comments
 * (`# cloudnotes region: ...`), which leave the template itself pasteable as is. YAML and JSON
 * templates read the same way: JSON is YAML.
 */

import type { Pos } from '../shared/diagnostic';
import type { Entry, YamlSource } from '../yaml/yaml-source';
import type { YamlNode } from '../yaml/yaml-nodes';

export interface TemplateResource {
	id: string;
	type: string;
	pos: Pos;
	typePos: Pos;
	/** The resource's `Properties`, by name. */
	props: Map<string, Entry>;
	/** The `Condition` it is created under, if any. */
	condition: { name: string; pos: Pos } | null;
}

export interface BlockOption {
	key: string;
	value: string;
	pos: Pos;
}

export interface Template {
	parameters: Map<string, Entry>;
	mappings: Entry | null;
	conditions: Map<string, Entry>;
	resources: Map<string, TemplateResource>;
	/** `Metadata: { Cloudnotes: ... }`, the template's own place for our options. */
	cloudnotes: Map<string, Entry>;
	options: BlockOption[];
}

/** `# cloudnotes <key>: <value>` on a line of its own: the block's options (region, vpc, flow). */
const OPTION = /^(\s*)#\s*cloudnotes\s+([a-z-]+)\s*:\s*(.*?)\s*$/i;

export function readOptions(src: YamlSource): BlockOption[] {
	const options: BlockOption[] = [];
	const lines = src.source.split(/\r\n|\r|\n/);
	lines.forEach((line, i) => {
		const m = OPTION.exec(line);
		if (!m) return;
		options.push({ key: (m[2] ?? '').toLowerCase(), value: m[3] ?? '', pos: { line: src.start.line + i, column: src.start.column + (m[1]?.length ?? 0) } });
	});
	return options;
}

function mapOf(src: YamlSource, entry: Entry | undefined, what: string): Map<string, Entry> {
	const out = new Map<string, Entry>();
	if (!entry) return out;
	if (!src.isMap(entry.value)) {
		if (!src.isNull(entry.value)) src.report(entry.valuePos, 'invalid-value', `${what} should be a mapping`);
		return out;
	}
	for (const item of src.entries(entry.value, what)) out.set(item.key, item);
	return out;
}

export function readTemplate(src: YamlSource): Template | null {
	const root = src.root;
	const template: Template = { parameters: new Map(), mappings: null, conditions: new Map(), resources: new Map(), cloudnotes: new Map(), options: readOptions(src) };
	if (!root || src.isNull(root)) {
		src.report(src.start, 'missing-field', 'this cloudformation block is empty: paste a template with a `Resources:` section');
		return null;
	}
	if (!src.isMap(root)) {
		src.report(src.posOf(root), 'invalid-value', 'a cloudformation block holds a template: a YAML or JSON mapping with a `Resources:` section');
		return null;
	}
	const top = new Map<string, Entry>();
	for (const entry of src.entries(root, 'the template')) top.set(entry.key, entry);
	template.parameters = mapOf(src, top.get('Parameters'), '`Parameters`');
	template.mappings = top.get('Mappings') ?? null;
	template.conditions = mapOf(src, top.get('Conditions'), '`Conditions`');
	const metadata = mapOf(src, top.get('Metadata'), '`Metadata`');
	template.cloudnotes = mapOf(src, metadata.get('Cloudnotes'), '`Metadata.Cloudnotes`');
	const resources = top.get('Resources');
	if (!resources) {
		src.report(src.posOf(root), 'missing-field', 'the template has no `Resources:` section');
		return template;
	}
	for (const item of src.entries(resources.value, '`Resources`')) {
		if (!src.isMap(item.value)) {
			src.report(item.valuePos, 'invalid-value', `resource \`${item.key}\` should be a mapping with \`Type:\` and \`Properties:\``);
			continue;
		}
		const fields = new Map<string, Entry>();
		for (const f of src.entries(item.value, `resource \`${item.key}\``)) fields.set(f.key, f);
		const type = fields.get('Type');
		const typeText = type ? src.text(type.value) : null;
		if (!type) {
			src.report(item.keyPos, 'missing-field', `resource \`${item.key}\` needs \`Type:\` (e.g. AWS::EC2::Subnet)`);
			continue;
		}
		if (!typeText) {
			// Tools such as Rain put a module here; CloudFormation itself only takes a type name.
			src.report(type.valuePos, 'unsupported-resource', `\`${item.key}\` has a \`Type\` that is not a resource type name (a module of another tool?); it is not modelled`);
			continue;
		}
		const condition = fields.get('Condition');
		const conditionName = condition ? src.text(condition.value) : null;
		template.resources.set(item.key, {
			id: item.key,
			type: typeText.trim(),
			pos: item.keyPos,
			typePos: type.valuePos,
			props: mapOf(src, fields.get('Properties'), `the properties of \`${item.key}\``),
			condition: condition && conditionName ? { name: conditionName, pos: condition.valuePos } : null,
		});
	}
	return template;
}

export function nodeOf(entry: Entry | undefined): YamlNode | null {
	return entry?.value ?? null;
}
