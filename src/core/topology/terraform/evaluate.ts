/**
 * A Terraform configuration read offline: variables (their defaults), locals, resources and data
 * sources expanded by `count` / `for_each`, modules, and every expression evaluated as far as the
 * configuration itself knows it. Values that only a plan or an apply would know come out as
 * `Unknown` (why, where) or `ResourceRef` (a resource's generated id), never as an error.
 */

import type { Attribute, Block, Body, Expr, HclFile } from './hcl';
import { SPLAT_ITEM } from './hcl';
import { callFunction } from './functions';
import { asBool, asNumber, asString, isList, isMap, Lazy, ResourceRef, sameValue, sortedKeys, Unknown, type Val } from './values';

export type Scope = ReadonlyMap<string, Val>;
const EMPTY: Scope = new Map();

/** One instance of a resource or data source: `aws_subnet.public[0]`, `aws_subnet.az["a"]`. */
export interface Instance {
	address: string;
	type: string;
	name: string;
	block: Block;
	scope: Scope;
}

export interface Declared {
	type: string;
	name: string;
	block: Block;
}

/** A module call's outputs, given by whoever expands it (the VPC module), else unknown. */
export type ModuleOutputs = (address: string, output: string, at: number) => Val;

/** Zones per region when `data "aws_availability_zones"` is read offline (most regions have three). */
const ZONES: Record<string, string> = { 'us-east-1': 'abcdef', 'us-west-2': 'abcd', 'ap-northeast-2': 'abcd', 'ap-northeast-1': 'acd', 'us-west-1': 'ac', 'ca-central-1': 'abd' };

const MAX_DEPTH = 80;

export class Configuration {
	readonly variables = new Map<string, Block>();
	readonly locals = new Map<string, Attribute>();
	readonly resources = new Map<string, Declared>();
	readonly data = new Map<string, Declared>();
	readonly modules = new Map<string, Block>();
	readonly providers: Block[] = [];
	/** The region as the configuration says it (provider, a region variable), or the block's option. */
	region: string | null = null;
	/** Where zones were needed while no region was known (they are then `<region>a`, ...). */
	regionNeededAt: number | null = null;
	moduleOutputs: ModuleOutputs = (address, output) => new ResourceRef(address, output);
	private readonly localCache = new Map<string, Val>();
	private readonly evaluating = new Set<string>();
	private readonly instanceCache = new Map<string, Instance[] | Unknown>();
	private depth = 0;

	constructor(file: HclFile, regionOption: string | null) {
		for (const block of file.body.blocks) {
			const [a, b] = block.labels;
			if (block.type === 'variable' && a) this.variables.set(a, block);
			else if (block.type === 'locals') for (const [name, attr] of block.body.attrs) this.locals.set(name, attr);
			else if (block.type === 'resource' && a && b) this.resources.set(`${a}.${b}`, { type: a, name: b, block });
			else if (block.type === 'data' && a && b) this.data.set(`${a}.${b}`, { type: a, name: b, block });
			else if (block.type === 'module' && a) this.modules.set(a, block);
			else if (block.type === 'provider' && a === 'aws') this.providers.push(block);
		}
		this.region = regionOption ?? this.findRegion();
	}

	private findRegion(): string | null {
		for (const provider of this.providers) {
			if (provider.body.attrs.has('alias')) continue;
			const attr = provider.body.attrs.get('region');
			const v = attr ? this.eval(attr.expr, EMPTY) : null;
			if (typeof v === 'string' && /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/.test(v)) return v;
		}
		for (const name of ['region', 'aws_region']) {
			const v = this.variables.has(name) ? this.variable(name, 0) : null;
			if (typeof v === 'string' && /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/.test(v)) return v;
		}
		return null;
	}

	zones(at: number): string[] {
		if (this.region === null) this.regionNeededAt ??= at;
		const region = this.region ?? '<region>';
		return [...(ZONES[region] ?? 'abc')].map((letter) => `${region}${letter}`);
	}

	variable(name: string, at: number): Val {
		const block = this.variables.get(name);
		if (!block) return new Unknown(`there is no \`variable "${name}"\``, at);
		const def = block.body.attrs.get('default');
		if (!def) return new Unknown(`variable \`${name}\` has no default (it is set at plan time)`, at);
		return this.guard(`var.${name}`, at, () => this.eval(def.expr, EMPTY));
	}

	local(name: string, at: number): Val {
		const attr = this.locals.get(name);
		if (!attr) return new Unknown(`there is no local \`${name}\``, at);
		const cached = this.localCache.get(name);
		if (cached !== undefined) return cached;
		const v = this.guard(`local.${name}`, at, () => this.eval(attr.expr, EMPTY));
		this.localCache.set(name, v);
		return v;
	}

	private guard(key: string, at: number, compute: () => Val): Val {
		if (this.evaluating.has(key) || this.depth > MAX_DEPTH) return new Unknown(`\`${key}\` refers to itself`, at);
		this.evaluating.add(key);
		this.depth++;
		try {
			return compute();
		} finally {
			this.depth--;
			this.evaluating.delete(key);
		}
	}

	/** The instances of a resource or data source, by `count` / `for_each` (Unknown when they are not known). */
	instances(decl: Declared, mode: 'resource' | 'data' = 'resource'): Instance[] | Unknown {
		const base = `${mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`;
		const cached = this.instanceCache.get(base);
		if (cached) return cached;
		const result = this.guardInstances(base, decl);
		this.instanceCache.set(base, result);
		return result;
	}

	private guardInstances(base: string, decl: Declared): Instance[] | Unknown {
		const make = (address: string, scope: Scope): Instance => ({ address, type: decl.type, name: decl.name, block: decl.block, scope });
		const expansion = this.expansion(decl.block, `\`${base}\``);
		if (expansion instanceof Unknown) return expansion;
		if (expansion === null) return [make(base, EMPTY)];
		return expansion.map((e) => make(`${base}[${typeof e.key === 'number' ? e.key : JSON.stringify(e.key)}]`, e.scope));
	}

	/** `count` / `for_each` of a resource, data source or module: null when it has neither. */
	expansion(block: Block, what: string): { key: number | string; scope: Scope }[] | Unknown | null {
		const count = block.body.attrs.get('count');
		const forEach = block.body.attrs.get('for_each');
		if (count) {
			const v = this.guard(`${what}.count`, count.at, () => this.eval(count.expr, EMPTY));
			const n = asNumber(v);
			if (n === null) return v instanceof Unknown ? v : new Unknown(`the count of ${what} is not a number`, count.at);
			return Array.from({ length: Math.max(0, Math.min(n, 1000)) }, (_, i) => ({ key: i, scope: new Map([['count', new Map<string, Val>([['index', i]])]]) }));
		}
		if (forEach) {
			const v = this.guard(`${what}.for_each`, forEach.at, () => this.eval(forEach.expr, EMPTY));
			if (v instanceof Unknown) return v;
			const each = (key: string, value: Val): Scope => new Map([['each', new Map<string, Val>([['key', key], ['value', value]])]]);
			if (isMap(v)) return sortedKeys(v).map((k) => ({ key: k, scope: each(k, v.get(k) ?? null) }));
			if (isList(v)) return v.map((x) => asString(x) ?? '').map((k) => ({ key: k, scope: each(k, k) }));
			return new Unknown(`the for_each of ${what} is not a map or a set`, forEach.at);
		}
		return null;
	}

	/** A resource (or data source) as its references see it: one instance, a list (count) or a map (for_each). */
	private resourceValue(decl: Declared, mode: 'resource' | 'data', at: number): Val {
		const instances = this.instances(decl, mode);
		if (instances instanceof Unknown) return new Unknown(`how many \`${decl.type}.${decl.name}\` there are is not known offline: ${instances.why}`, at);
		const lazy = (inst: Instance): Lazy => new Lazy(inst.address, (attr, at2) => (mode === 'data' ? this.dataAttr(inst, attr, at2) : this.resourceAttr(inst, attr)));
		if (decl.block.body.attrs.has('count')) return instances.map(lazy);
		if (decl.block.body.attrs.has('for_each')) {
			const m = new Map<string, Val>();
			for (const inst of instances) m.set(JSON.parse(inst.address.slice(inst.address.lastIndexOf('[') + 1, -1)) as string, lazy(inst));
			return m;
		}
		return instances[0] ? lazy(instances[0]) : null;
	}

	/** What a reference to a resource's attribute gives: the argument as configured, or its generated value. */
	private resourceAttr(inst: Instance, attr: string): Val {
		const identity = attr === 'id' || attr === 'arn' || (attr === 'name' && /_subnet_group$|^aws_security_group$/.test(inst.type));
		const configured = identity ? undefined : inst.block.body.attrs.get(attr);
		if (!configured) return new ResourceRef(inst.address, attr);
		return this.guard(`${inst.address}.${attr}`, configured.at, () => this.eval(configured.expr, inst.scope));
	}

	private dataAttr(inst: Instance, attr: string, at: number): Val {
		if (inst.type === 'aws_availability_zones' && (attr === 'names' || attr === 'zone_ids')) return this.zones(at);
		if (inst.type === 'aws_region' && (attr === 'name' || attr === 'id' || attr === 'region')) return this.region ?? new Unknown('the region is not known offline', at);
		return new Unknown(`\`${inst.address}.${attr}\` is read from AWS at plan time`, at);
	}

	/** An instance's argument, evaluated in its `count` / `each` scope; null when it is not set. */
	attr(inst: { block: Block; scope: Scope } | { body: Body; scope: Scope }, name: string): { v: Val; at: number } | null {
		const body = 'body' in inst ? inst.body : inst.block.body;
		const attr = body.attrs.get(name);
		if (!attr) return null;
		return { v: this.eval(attr.expr, inst.scope), at: attr.at };
	}

	/** Nested blocks of a type, `dynamic` ones expanded, each with the scope its content sees. */
	blocks(inst: { block: Block; scope: Scope } | { body: Body; scope: Scope }, type: string): { body: Body; scope: Scope; at: number }[] {
		const body = 'body' in inst ? inst.body : inst.block.body;
		const out: { body: Body; scope: Scope; at: number }[] = [];
		for (const b of body.blocks) {
			if (b.type === type) out.push({ body: b.body, scope: inst.scope, at: b.at });
			if (b.type !== 'dynamic' || b.labels[0] !== type) continue;
			const content = b.body.blocks.find((c) => c.type === 'content');
			const forEach = b.body.attrs.get('for_each');
			if (!content || !forEach) continue;
			const iterator = asString(this.attr({ body: b.body, scope: inst.scope }, 'iterator')?.v ?? null) ?? type;
			const coll = this.eval(forEach.expr, inst.scope);
			const items: [Val, Val][] = isMap(coll) ? sortedKeys(coll).map((k) => [k, coll.get(k) ?? null]) : isList(coll) ? coll.map((v, i) => [i, v]) : [];
			for (const [key, value] of items) {
				const scope = new Map(inst.scope);
				scope.set(iterator, new Map<string, Val>([['key', key], ['value', value]]));
				out.push({ body: content.body, scope, at: b.at });
			}
		}
		return out;
	}

	eval(expr: Expr, scope: Scope): Val {
		if (this.depth > MAX_DEPTH) return new Unknown('the expression nests too deeply', expr.at);
		this.depth++;
		try {
			return this.evalInner(expr, scope);
		} finally {
			this.depth--;
		}
	}

	private evalInner(e: Expr, scope: Scope): Val {
		switch (e.t) {
			case 'lit':
				return e.v;
			case 'tpl':
				return this.template(e.parts, scope, e.at);
			case 'tuple':
				return e.items.map((x) => this.eval(x, scope));
			case 'object': {
				const m = new Map<string, Val>();
				for (const item of e.items) {
					const k = this.eval(item.key, scope);
					const key = asString(k);
					if (key === null) return k instanceof Unknown ? k : new Unknown('an object key is not a string', item.key.at);
					m.set(key, this.eval(item.value, scope));
				}
				return m;
			}
			case 'var':
				return this.root(e.name, scope, e.at);
			case 'attr':
				return this.getAttr(this.eval(e.obj, scope), e.name, e.at);
			case 'index': {
				const key = this.eval(e.key, scope);
				const obj = this.eval(e.obj, scope);
				if (key instanceof Unknown) return key;
				return this.getIndex(obj, key, e.at);
			}
			case 'splat': {
				const obj = this.eval(e.obj, scope);
				if (obj instanceof Unknown) return obj;
				const items = obj === null ? [] : isList(obj) ? obj : [obj];
				return items.map((item) => this.eval(e.each, new Map([...scope, [SPLAT_ITEM, item]])));
			}
			case 'call':
				return this.call(e, scope);
			case 'cond': {
				const c = asBool(this.eval(e.c, scope));
				if (c === null) {
					const a = this.eval(e.a, scope);
					const b = this.eval(e.b, scope);
					return sameValue(a, b) ? a : new Unknown('a condition is not known offline', e.at);
				}
				return this.eval(c ? e.a : e.b, scope);
			}
			case 'bin':
				return this.binary(e.op, this.eval(e.l, scope), () => this.eval(e.r, scope), e.at);
			case 'un': {
				const v = this.eval(e.e, scope);
				if (v instanceof Unknown) return v;
				if (e.op === '!') return asBool(v) === null ? new Unknown('`!` of a value that is no bool', e.at) : !asBool(v);
				const n = asNumber(v);
				return n === null ? new Unknown('`-` of a value that is no number', e.at) : -n;
			}
			case 'for':
				return this.forExpr(e, scope);
			case 'opaque':
				return new Unknown('template directives (`%{ }`) are not evaluated offline', e.at);
		}
	}

	private template(parts: (string | Expr)[], scope: Scope, at: number): Val {
		if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0]) return this.eval(parts[0], scope);
		let out = '';
		for (const part of parts) {
			if (typeof part === 'string') {
				out += part;
				continue;
			}
			const v = this.eval(part, scope);
			if (v instanceof Unknown) return v;
			if (v instanceof ResourceRef) return new Unknown(`\`${v.address}.${v.attr}\` is known only after apply`, part.at);
			const s = v === null ? '' : asString(v);
			if (s === null) return new Unknown('a list or a map inside a string', part.at);
			out += s;
		}
		void at;
		return out;
	}

	private root(name: string, scope: Scope, at: number): Val {
		const scoped = scope.get(name);
		if (scoped !== undefined) return scoped;
		switch (name) {
			case 'var':
				return new Lazy('var', (k, at2) => this.variable(k, at2));
			case 'local':
				return new Lazy('local', (k, at2) => this.local(k, at2));
			case 'data':
				return new Lazy('data', (type) => new Lazy(`data.${type}`, (n, at2) => {
					const decl = this.data.get(`${type}.${n}`);
					return decl ? this.resourceValue(decl, 'data', at2) : new Unknown(`there is no \`data "${type}" "${n}"\``, at2);
				}));
			case 'module':
				return new Lazy('module', (n, at2) => this.moduleValue(n, at2));
			case 'path':
				return new Lazy('path', () => new Unknown('`path.*` is the directory Terraform runs in', at));
			case 'terraform':
				return new Lazy('terraform', (k) => (k === 'workspace' ? 'default' : new Unknown(`\`terraform.${k}\` is not known offline`, at)));
			case 'count':
			case 'each':
			case 'self':
				return new Unknown(`\`${name}\` is only known inside a resource with ${name === 'count' ? 'count' : name === 'each' ? 'for_each' : 'a provisioner'}`, at);
		}
		if (name.includes('_')) {
			return new Lazy(name, (n, at2) => {
				const decl = this.resources.get(`${name}.${n}`);
				return decl ? this.resourceValue(decl, 'resource', at2) : new Unknown(`there is no \`resource "${name}" "${n}"\` in this block`, at2);
			});
		}
		return new Unknown(`\`${name}\` is not known here`, at);
	}

	private moduleValue(name: string, at: number): Val {
		const block = this.modules.get(name);
		if (!block) return new Unknown(`there is no \`module "${name}"\` in this block`, at);
		const expansion = this.expansion(block, `module.${name}`);
		const outputs = (address: string): Lazy => new Lazy(address, (output, at2) => this.moduleOutputs(address, output, at2));
		if (expansion instanceof Unknown) return expansion;
		if (expansion === null) return outputs(`module.${name}`);
		if (block.body.attrs.has('count')) return expansion.map((x) => outputs(`module.${name}[${String(x.key)}]`));
		return new Map(expansion.map((x) => [String(x.key), outputs(`module.${name}[${JSON.stringify(x.key)}]`)]));
	}

	getAttr(obj: Val, name: string, at: number): Val {
		if (obj instanceof Unknown) return obj;
		if (obj instanceof Lazy) return obj.get(name, at);
		if (isMap(obj)) return obj.has(name) ? (obj.get(name) ?? null) : new Unknown(`the object has no \`${name}\``, at);
		if (obj instanceof ResourceRef) return new Unknown(`\`${obj.address}.${obj.attr}.${name}\` is known only after apply`, at);
		return new Unknown(`\`.${name}\` of a value that has no attributes`, at);
	}

	private getIndex(obj: Val, key: Val, at: number): Val {
		if (obj instanceof Unknown) return obj;
		if (isList(obj)) {
			const i = asNumber(key);
			return i !== null && i >= 0 && i < obj.length ? (obj[i] ?? null) : new Unknown(`index ${asString(key) ?? '?'} is outside the list`, at);
		}
		const k = asString(key);
		if (k === null) return new Unknown('an index that is no string or number', at);
		if (isMap(obj)) return obj.has(k) ? (obj.get(k) ?? null) : new Unknown(`the map has no key \`${k}\``, at);
		if (obj instanceof Lazy) return obj.get(k, at);
		return new Unknown('an index into a value that is no list or map', at);
	}

	private call(e: Expr & { t: 'call' }, scope: Scope): Val {
		if (e.name === 'try' || e.name === 'can') {
			for (const arg of e.args) {
				const v = this.eval(arg, scope);
				if (e.name === 'can') return !(v instanceof Unknown);
				if (!(v instanceof Unknown)) return v;
			}
			return e.name === 'can' ? false : new Unknown('no argument of try() is known offline', e.at);
		}
		let args = e.args.map((a) => this.eval(a, scope));
		if (e.expand) {
			const last = args[args.length - 1];
			if (last instanceof Unknown) return last;
			if (isList(last)) args = [...args.slice(0, -1), ...last];
		}
		return callFunction(e.name, args, e.at);
	}

	private binary(op: string, l: Val, rightOf: () => Val, at: number): Val {
		if (op === '&&' || op === '||') {
			const a = asBool(l);
			if (a !== null && ((op === '&&' && !a) || (op === '||' && a))) return a;
			const b = asBool(rightOf());
			if (a === null || b === null) return new Unknown('a condition is not known offline', at);
			return b;
		}
		const r = rightOf();
		if (l instanceof Unknown) return l;
		if (r instanceof Unknown) return r;
		if (op === '==' || op === '!=') {
			if (l instanceof ResourceRef || r instanceof ResourceRef) return new Unknown('a comparison of ids known only after apply', at);
			const same = sameValue(l, r) || (asString(l) !== null && asString(l) === asString(r) && asNumber(l) !== null);
			return op === '==' ? same : !same;
		}
		const a = asNumber(l);
		const b = asNumber(r);
		if (a === null || b === null) return new Unknown(`\`${op}\` of a value that is no number`, at);
		switch (op) {
			case '+':
				return a + b;
			case '-':
				return a - b;
			case '*':
				return a * b;
			case '/':
				return a / b;
			case '%':
				return a % b;
			case '<':
				return a < b;
			case '>':
				return a > b;
			case '<=':
				return a <= b;
			default:
				return a >= b;
		}
	}

	private forExpr(e: Expr & { t: 'for' }, scope: Scope): Val {
		const coll = this.eval(e.coll, scope);
		if (coll instanceof Unknown) return coll;
		const pairs: [Val, Val][] = isMap(coll) ? sortedKeys(coll).map((k) => [k, coll.get(k) ?? null]) : isList(coll) ? coll.map((v, i) => [i, v]) : coll instanceof Lazy ? [] : [];
		if (!isMap(coll) && !isList(coll)) return new Unknown('a for expression over a value that is no list or map', e.at);
		const list: Val[] = [];
		const map = new Map<string, Val>();
		for (const [k, v] of pairs) {
			const inner = new Map(scope);
			if (e.keyVar) inner.set(e.keyVar, k);
			inner.set(e.valVar, v);
			if (e.cond) {
				const c = asBool(this.eval(e.cond, inner));
				if (c === null) return new Unknown('the `if` of a for expression is not known offline', e.at);
				if (!c) continue;
			}
			const value = this.eval(e.value, inner);
			if (!e.key) {
				list.push(value);
				continue;
			}
			const key = asString(this.eval(e.key, inner));
			if (key === null) return new Unknown('a key of a for expression is not known offline', e.at);
			if (e.group) {
				const group = map.get(key);
				if (isList(group ?? null)) (group as Val[]).push(value);
				else map.set(key, [value]);
			} else map.set(key, value);
		}
		return e.key ? map : list;
	}
}
