/**
 * CloudFormation's intrinsic functions evaluated offline, as far as the template alone decides
 * them: `Ref` and `Fn::GetAtt` to resources stay references (the model links by logical id),
 * parameters give their `Default`, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`,
 * `Fn::GetAZs` (zones `<region>a`, `b`, ...), `Fn::Cidr`, `Fn::FindInMap`, `Fn::If` over
 * `Conditions` compute their value. Whatever depends on something unknown (a parameter without a
 * default, an imported value, a resource's generated id inside a string) is an `unknown` value
 * that says why, so the caller can report `unresolved-value` where it matters.
 * Short forms (`!Ref`, `!Sub`, ...) are tags on the YAML nodes and read as their long forms.
 */

import { makeCidr, parseCidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { YamlSource } from '../yaml/yaml-source';
import { isAlias, isMap, isScalar, isSeq, type YamlNode } from '../yaml/yaml-nodes';
import type { Template } from './template';

export type Value =
	| { k: 'str'; v: string; pos: Pos }
	| { k: 'list'; items: Value[]; pos: Pos }
	| { k: 'map'; entries: Map<string, Value>; pos: Pos }
	/** A resource by logical id: `Ref` (its id) or `Fn::GetAtt` (one of its attributes). */
	| { k: 'res'; id: string; attr: string | null; pos: Pos }
	| { k: 'unknown'; why: string; pos: Pos }
	/** `AWS::NoValue`: the property is left out. */
	| { k: 'none'; pos: Pos };

/** Zone letters `Fn::GetAZs` gives (most regions have three to six zones). */
const ZONE_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'];
const MAX_DEPTH = 60;

export class Resolver {
	/** The region the template is read in, or null when nothing says (then zones are unknown). */
	region: string | null = null;
	/** Where the template first needed the region while none was known (zones are then `<region>a`, ...). */
	regionNeededAt: Pos | null = null;
	private readonly conditionCache = new Map<string, boolean | string>();
	private readonly evaluating = new Set<string>();
	private depth = 0;

	constructor(
		private readonly src: YamlSource,
		private readonly template: Template,
	) {}

	pos(node: YamlNode | null, fallback?: Pos): Pos {
		return this.src.posOf(node, fallback);
	}

	/** The node's value, intrinsics evaluated. */
	value(node: YamlNode | null, fallback?: Pos): Value {
		const pos = this.pos(node, fallback);
		if (this.depth > MAX_DEPTH) return { k: 'unknown', why: 'the values refer to each other in a loop', pos };
		this.depth++;
		try {
			return this.evaluate(node, pos);
		} finally {
			this.depth--;
		}
	}

	private evaluate(raw: YamlNode | null, pos: Pos): Value {
		const node = isAlias(raw) ? raw.target : raw;
		if (!node) return { k: 'none', pos };
		const tag = tagOf(node);
		if (tag) return this.call(tag === '!Ref' ? 'Ref' : tag === '!Condition' ? 'Condition' : `Fn::${tag.slice(1)}`, node, pos);
		if (isScalar(node)) {
			if (node.value === null) return { k: 'none', pos };
			return { k: 'str', v: typeof node.value === 'string' ? node.value : node.source, pos };
		}
		if (isSeq(node)) return { k: 'list', items: node.items.map((item) => this.value(item, pos)).filter((v) => v.k !== 'none'), pos };
		if (isMap(node)) {
			const entries = this.src.entries(node, 'this value');
			const only = entries.length === 1 ? entries[0] : undefined;
			if (only && (only.key === 'Ref' || only.key.startsWith('Fn::'))) return this.call(only.key, only.value, pos);
			const out = new Map<string, Value>();
			for (const e of entries) {
				const v = this.value(e.value, e.valuePos);
				if (v.k !== 'none') out.set(e.key, v);
			}
			return { k: 'map', entries: out, pos };
		}
		return { k: 'none', pos };
	}

	/** The text of a value, or null (with the value itself saying why when it is unknown). */
	static text(value: Value): string | null {
		return value.k === 'str' ? value.v : null;
	}

	private unknown(why: string, pos: Pos): Value {
		return { k: 'unknown', why, pos };
	}

	/** The arguments of an intrinsic, without its tag (a tagged node is its own argument). */
	private args(node: YamlNode | null): YamlNode[] {
		const n = isAlias(node) ? node.target : node;
		return isSeq(n) ? n.items : n ? [n] : [];
	}

	private untagged(node: YamlNode | null, pos: Pos): Value {
		if (!node) return { k: 'none', pos };
		const copy = { ...node, tag: undefined } as YamlNode;
		return this.value(copy, pos);
	}

	private call(fn: string, arg: YamlNode | null, pos: Pos): Value {
		switch (fn) {
			case 'Ref':
				return this.ref(Resolver.text(this.untagged(arg, pos)) ?? '', pos);
			case 'Fn::GetAtt':
				return this.getAtt(arg, pos);
			case 'Fn::Sub':
				return this.sub(arg, pos);
			case 'Fn::Join':
				return this.join(arg, pos);
			case 'Fn::Select':
				return this.select(arg, pos);
			case 'Fn::Split': {
				const [d, s] = this.args(arg).map((a) => this.value(a, pos));
				const delimiter = d ? Resolver.text(d) : null;
				const text = s ? Resolver.text(s) : null;
				if (delimiter === null || text === null) return s?.k === 'unknown' ? s : this.unknown('Fn::Split of a value not known here', pos);
				return { k: 'list', items: text.split(delimiter).map((v) => ({ k: 'str', v, pos })), pos };
			}
			case 'Fn::GetAZs':
				return this.getAzs(arg, pos);
			case 'Fn::Cidr':
				return this.cidr(arg, pos);
			case 'Fn::FindInMap':
				return this.findInMap(arg, pos);
			case 'Fn::If': {
				const [c, a, b] = this.args(arg);
				const name = Resolver.text(this.value(c ?? null, pos));
				const verdict = name === null ? 'the condition is not a name' : this.condition(name);
				if (typeof verdict === 'string') return this.unknown(`it depends on condition \`${name ?? '?'}\`: ${verdict}`, pos);
				return this.value((verdict ? a : b) ?? null, pos);
			}
			case 'Fn::Base64':
				return this.untagged(arg, pos);
			case 'Fn::ImportValue':
				return this.unknown('it is imported from another stack (Fn::ImportValue)', pos);
			case 'Fn::Equals':
			case 'Fn::Not':
			case 'Fn::And':
			case 'Fn::Or':
			case 'Condition': {
				const verdict = this.conditionExpr(fn, arg, pos);
				return typeof verdict === 'string' ? this.unknown(verdict, pos) : { k: 'str', v: String(verdict), pos };
			}
			default:
				return this.unknown(`\`${fn}\` is not evaluated offline`, pos);
		}
	}

	/** The region, or the placeholder `<region>` (remembered, so the block says once that it is not known). */
	private regionOr(pos: Pos): string {
		if (this.region) return this.region;
		this.regionNeededAt ??= pos;
		return '<region>';
	}

	private ref(name: string, pos: Pos): Value {
		switch (name) {
			case 'AWS::Region':
				return { k: 'str', v: this.regionOr(pos), pos };
			case 'AWS::NoValue':
				return { k: 'none', pos };
			case 'AWS::Partition':
				return { k: 'str', v: 'aws', pos };
			case 'AWS::URLSuffix':
				return { k: 'str', v: 'amazonaws.com', pos };
			case 'AWS::StackName':
				return { k: 'str', v: 'stack', pos };
			case 'AWS::AccountId':
			case 'AWS::StackId':
			case 'AWS::NotificationARNs':
				return this.unknown(`\`${name}\` is known only when the stack is deployed`, pos);
			default:
				break;
		}
		if (this.template.resources.has(name)) return { k: 'res', id: name, attr: null, pos };
		const param = this.template.parameters.get(name);
		if (param) return this.parameter(name, pos);
		return this.unknown(`\`${name}\` is neither a parameter nor a resource of this template`, pos);
	}

	private parameter(name: string, pos: Pos): Value {
		const param = this.template.parameters.get(name);
		const fields = new Map(this.src.entries(param?.value ?? null, `parameter \`${name}\``).map((e) => [e.key, e]));
		const def = fields.get('Default');
		if (!def) return this.unknown(`parameter \`${name}\` has no \`Default\``, pos);
		const value = this.value(def.value, def.valuePos);
		const type = this.src.text(fields.get('Type')?.value ?? null) ?? '';
		const text = Resolver.text(value);
		if (text !== null && (type.startsWith('List<') || type === 'CommaDelimitedList')) {
			return { k: 'list', items: text.split(',').map((v) => ({ k: 'str', v: v.trim(), pos: value.pos })), pos: value.pos };
		}
		return value;
	}

	private getAtt(arg: YamlNode | null, pos: Pos): Value {
		let id: string | null;
		let attr: string | null;
		const n = isAlias(arg) ? arg.target : arg;
		if (isSeq(n)) {
			id = Resolver.text(this.value(n.items[0] ?? null, pos));
			attr = Resolver.text(this.value(n.items[1] ?? null, pos));
		} else {
			const text = Resolver.text(this.untagged(n, pos)) ?? '';
			const dot = text.indexOf('.');
			id = dot === -1 ? text : text.slice(0, dot);
			attr = dot === -1 ? null : text.slice(dot + 1);
		}
		if (!id || !this.template.resources.has(id)) return this.unknown(`Fn::GetAtt names \`${id ?? '?'}\`, which is not a resource of this template`, pos);
		// Attributes that are a property of the resource as written (a VPC's CidrBlock, a subnet's zone).
		const resource = this.template.resources.get(id);
		const same = attr === 'CidrBlock' || attr === 'AvailabilityZone' ? resource?.props.get(attr) : undefined;
		if (same) return this.value(same.value, same.valuePos);
		return { k: 'res', id, attr, pos };
	}

	private sub(arg: YamlNode | null, pos: Pos): Value {
		const n = isAlias(arg) ? arg.target : arg;
		let template: string | null;
		const vars = new Map<string, Value>();
		if (isSeq(n) && !tagOf(n)) {
			template = Resolver.text(this.value(n.items[0] ?? null, pos));
			const map = this.value(n.items[1] ?? null, pos);
			if (map.k === 'map') for (const [k, v] of map.entries) vars.set(k, v);
		} else template = Resolver.text(this.untagged(n, pos));
		if (template === null) return this.unknown('Fn::Sub needs a string', pos);
		const parts = template.split(/(\$\{[^}]*\})/);
		// `${Name}` alone is a reference like Ref: keep it as one (the model links by it).
		const single = /^\$\{([^!}][^}]*)\}$/.exec(template);
		if (single) {
			const name = single[1] ?? '';
			const v = vars.get(name) ?? this.subVar(name, pos);
			return v;
		}
		let out = '';
		for (const part of parts) {
			const m = /^\$\{([^}]*)\}$/.exec(part);
			if (!m) {
				out += part;
				continue;
			}
			const name = m[1] ?? '';
			if (name.startsWith('!')) {
				out += '${' + name.slice(1) + '}';
				continue;
			}
			const v = vars.get(name) ?? this.subVar(name, pos);
			if (v.k === 'str') out += v.v;
			else if (v.k === 'unknown') return v;
			else if (v.k === 'res') return this.unknown(`it holds the generated ${v.attr ?? 'id'} of \`${v.id}\``, pos);
			else return this.unknown(`\`\${${name}}\` is not a single value`, pos);
		}
		return { k: 'str', v: out, pos };
	}

	private subVar(name: string, pos: Pos): Value {
		const dot = name.indexOf('.');
		if (dot !== -1 && !name.startsWith('AWS::')) {
			const id = name.slice(0, dot);
			const attr = name.slice(dot + 1);
			if (this.template.resources.has(id)) {
				const same = attr === 'CidrBlock' || attr === 'AvailabilityZone' ? this.template.resources.get(id)?.props.get(attr) : undefined;
				return same ? this.value(same.value, same.valuePos) : { k: 'res', id, attr, pos };
			}
		}
		return this.ref(name, pos);
	}

	private join(arg: YamlNode | null, pos: Pos): Value {
		const [d, list] = this.args(arg);
		const delimiter = Resolver.text(this.value(d ?? null, pos)) ?? '';
		const items = this.value(list ?? null, pos);
		if (items.k === 'unknown') return items;
		if (items.k !== 'list') return this.unknown('Fn::Join needs a list', pos);
		const texts: string[] = [];
		for (const item of items.items) {
			if (item.k === 'str') texts.push(item.v);
			else if (item.k === 'unknown') return item;
			else if (item.k === 'res') return this.unknown(`it holds the generated ${item.attr ?? 'id'} of \`${item.id}\``, pos);
		}
		return { k: 'str', v: texts.join(delimiter), pos };
	}

	private select(arg: YamlNode | null, pos: Pos): Value {
		const [i, list] = this.args(arg);
		const index = this.value(i ?? null, pos);
		const items = this.value(list ?? null, pos);
		if (index.k === 'unknown') return index;
		if (items.k === 'unknown') return items;
		const n = Number(Resolver.text(index));
		if (items.k !== 'list' || !Number.isInteger(n)) return this.unknown('Fn::Select needs an index and a list', pos);
		const item = items.items[n];
		return item ?? this.unknown(`Fn::Select index ${n} is past the end of a list of ${items.items.length}`, pos);
	}

	private getAzs(arg: YamlNode | null, pos: Pos): Value {
		const given = this.untagged(arg, pos);
		if (given.k === 'unknown') return given;
		const region = given.k === 'str' && given.v !== '' ? given.v : this.regionOr(pos);
		return { k: 'list', items: ZONE_LETTERS.map((l) => ({ k: 'str', v: `${region}${l}`, pos })), pos };
	}

	private cidr(arg: YamlNode | null, pos: Pos): Value {
		const [block, count, bits] = this.args(arg).map((a) => this.value(a, pos));
		for (const v of [block, count, bits]) if (v?.k === 'unknown') return v;
		const parsed = parseCidr(block ? (Resolver.text(block) ?? '') : '');
		const n = Number(count ? Resolver.text(count) : NaN);
		const b = Number(bits ? Resolver.text(bits) : NaN);
		if (!parsed.ok || !Number.isInteger(n) || !Number.isInteger(b) || n < 1 || n > 256 || b < 2 || b > 32 - parsed.cidr.prefix) {
			return this.unknown('Fn::Cidr needs a CIDR block, a count (1-256) and the host bits of each subnet', pos);
		}
		const prefix = 32 - b;
		const size = 2 ** b;
		const items: Value[] = [];
		for (let k = 0; k < n; k++) {
			const base = parsed.cidr.base + k * size;
			if (base + size - 1 > parsed.cidr.base + 2 ** (32 - parsed.cidr.prefix) - 1) break;
			items.push({ k: 'str', v: makeCidr(base, prefix).text, pos });
		}
		return { k: 'list', items, pos };
	}

	private findInMap(arg: YamlNode | null, pos: Pos): Value {
		const [m, top, second] = this.args(arg).map((a) => this.value(a, pos));
		for (const v of [m, top, second]) if (v?.k === 'unknown') return v;
		const keys = [m, top, second].map((v) => (v ? Resolver.text(v) : null));
		let node: YamlNode | null = this.template.mappings?.value ?? null;
		for (const key of keys) {
			if (key === null) return this.unknown('Fn::FindInMap needs a map name and two keys', pos);
			const entry = this.src.entries(node, '`Mappings`').find((e) => e.key === key);
			if (!entry) return this.unknown(`Mappings have no \`${keys.filter((k) => k !== null).join('.')}\``, pos);
			node = entry.value;
		}
		return this.value(node, pos);
	}

	/** Whether a named condition holds, or why that is not known here. */
	condition(name: string): boolean | string {
		const cached = this.conditionCache.get(name);
		if (cached !== undefined) return cached;
		const entry = this.template.conditions.get(name);
		if (!entry) return `no condition \`${name}\` in \`Conditions\``;
		if (this.evaluating.has(name)) return `condition \`${name}\` refers to itself`;
		this.evaluating.add(name);
		const n = isAlias(entry.value) ? entry.value.target : entry.value;
		let verdict: boolean | string;
		const ntag = tagOf(n);
		if (ntag) verdict = this.conditionExpr(ntag === '!Condition' ? 'Condition' : `Fn::${ntag.slice(1)}`, n, entry.valuePos);
		else {
			const only = this.src.entries(n, 'a condition');
			const first = only.length === 1 ? only[0] : undefined;
			verdict = first ? this.conditionExpr(first.key, first.value, entry.valuePos) : `condition \`${name}\` is not a single function`;
		}
		this.evaluating.delete(name);
		this.conditionCache.set(name, verdict);
		return verdict;
	}

	private conditionExpr(fn: string, arg: YamlNode | null, pos: Pos): boolean | string {
		const asBool = (node: YamlNode | null): boolean | string => {
			const n = isAlias(node) ? node.target : node;
			const ntag = tagOf(n);
			if (ntag) return this.conditionExpr(ntag === '!Condition' ? 'Condition' : `Fn::${ntag.slice(1)}`, n, pos);
			const entries = isMap(n) ? this.src.entries(n, 'a condition') : [];
			const only = entries.length === 1 ? entries[0] : undefined;
			if (only) return this.conditionExpr(only.key, only.value, pos);
			const text = Resolver.text(this.value(n, pos));
			return text === 'true' ? true : text === 'false' ? false : 'a condition is a function such as Fn::Equals';
		};
		switch (fn) {
			case 'Condition': {
				const name = Resolver.text(this.untagged(arg, pos));
				return name === null ? 'Condition needs a name' : this.condition(name);
			}
			case 'Fn::Equals': {
				const [a, b] = this.args(arg).map((x) => this.value(x, pos));
				if (a?.k === 'unknown') return a.why;
				if (b?.k === 'unknown') return b.why;
				const ta = a ? Resolver.text(a) : null;
				const tb = b ? Resolver.text(b) : null;
				if (ta === null || tb === null) return 'Fn::Equals compares two values known here';
				return ta === tb;
			}
			case 'Fn::Not': {
				const v = asBool(this.args(arg)[0] ?? null);
				return typeof v === 'string' ? v : !v;
			}
			case 'Fn::And':
			case 'Fn::Or': {
				const verdicts = this.args(arg).map(asBool);
				const unknown = verdicts.find((v): v is string => typeof v === 'string');
				const known = verdicts.filter((v): v is boolean => typeof v === 'boolean');
				if (fn === 'Fn::And' && known.includes(false)) return false;
				if (fn === 'Fn::Or' && known.includes(true)) return true;
				return unknown ?? fn === 'Fn::And';
			}
			default:
				return `\`${fn}\` is not a condition function`;
		}
	}
}

function tagOf(node: YamlNode | null | undefined): string | undefined {
	return node && node.kind !== 'alias' ? node.tag : undefined;
}

/** `ap-northeast-2` or similar; used to pick a region from a parameter's default. */
export function looksLikeRegion(text: string): boolean {
	return /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/.test(text);
}
