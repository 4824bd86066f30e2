/**
 * Terraform's built-in functions that network code uses, computed as Terraform computes them
 * (developer.hashicorp.com/terraform/language/functions). A function given an unknown argument
 * gives an unknown, except where the answer does not depend on it (`length` of a list of ids).
 * A function not listed here gives an unknown that names it.
 */

import { formatIpv4, makeCidr, parseIpv4 } from '../shared/cidr';
import { asBool, asNumber, asString, firstUnknown, isList, isMap, sameValue, sortedKeys, Unknown, type Val } from './values';

type Fn = (args: Val[], at: number) => Val;

function fail(why: string, at: number): Unknown {
	return new Unknown(why, at);
}

/** An IPv4 prefix as Terraform reads it (host bits allowed, then masked). */
function prefixOf(v: Val): { base: number; prefix: number } | null {
	const text = asString(v);
	const m = text ? /^([0-9.]+)\/([0-9]{1,2})$/.exec(text.trim()) : null;
	const ip = m ? parseIpv4(m[1] ?? '') : null;
	const prefix = m ? Number(m[2]) : NaN;
	if (ip === null || !(prefix >= 0 && prefix <= 32)) return null;
	const size = 2 ** (32 - prefix);
	return { base: Math.floor(ip / size) * size, prefix };
}

function cidrsubnet(args: Val[], at: number): Val {
	const p = prefixOf(args[0] ?? null);
	const bits = asNumber(args[1] ?? null);
	const num = asNumber(args[2] ?? null);
	if (!p || bits === null || num === null) return fail('cidrsubnet needs a prefix, new bits and a number', at);
	const prefix = p.prefix + bits;
	if (prefix > 32 || bits < 0) return fail(`cidrsubnet: ${bits} more bits do not fit after /${p.prefix}`, at);
	if (num < 0 || num >= 2 ** bits) return fail(`cidrsubnet: network number ${num} does not fit in ${bits} bits`, at);
	return makeCidr(p.base + num * 2 ** (32 - prefix), prefix).text;
}

function cidrhost(args: Val[], at: number): Val {
	const p = prefixOf(args[0] ?? null);
	const host = asNumber(args[1] ?? null);
	if (!p || host === null) return fail('cidrhost needs a prefix and a host number', at);
	const size = 2 ** (32 - p.prefix);
	const n = host < 0 ? size + host : host;
	if (n < 0 || n >= size) return fail(`cidrhost: host number ${host} is outside /${p.prefix}`, at);
	return formatIpv4(p.base + n);
}

function list(v: Val): Val[] | null {
	return isList(v) ? v : null;
}

/** `lookup`, `element` and friends index a map or list the way Terraform does. */
function element(args: Val[], at: number): Val {
	const l = list(args[0] ?? null);
	const i = asNumber(args[1] ?? null);
	if (!l || i === null) return fail('element needs a list and an index', at);
	if (l.length === 0) return fail('element of an empty list', at);
	// element() wraps around: the VPC module places NAT gateways and route tables with it.
	return l[((Math.floor(i) % l.length) + l.length) % l.length] ?? null;
}

function flatten(v: Val): Val[] {
	return isList(v) ? v.flatMap((x) => (isList(x) ? flatten(x) : [x])) : [v];
}

function format(args: Val[], at: number): Val {
	const spec = asString(args[0] ?? null);
	if (spec === null) return fail('format needs a format string', at);
	let next = 1;
	let bad = false;
	const out = spec.replace(/%(-?[0-9]*)(?:\.([0-9]+))?([sdvfqt%])/g, (_all, width: string, prec: string | undefined, verb: string) => {
		if (verb === '%') return '%';
		const v = args[next++] ?? null;
		let text = verb === 'q' ? JSON.stringify(asString(v) ?? '') : asString(v);
		if (text === null) {
			bad = true;
			return '';
		}
		if (verb === 'd') text = String(Math.trunc(Number(text)));
		if (verb === 'f') text = Number(text).toFixed(prec === undefined ? 6 : Number(prec));
		const w = Math.abs(Number(width || 0));
		if (w > text.length) text = width.startsWith('-') ? text.padEnd(w) : width.startsWith('0') ? text.padStart(w, '0') : text.padStart(w);
		return text;
	});
	return bad ? fail('format was given a list or a map', at) : out;
}

function toSet(v: Val[]): Val[] {
	const out: Val[] = [];
	for (const x of v) if (!out.some((y) => sameValue(x, y))) out.push(x);
	// A set of strings is ordered lexically when Terraform iterates it.
	return out.every((x) => typeof x === 'string') ? (out).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : out;
}

function asMap(v: Val): Map<string, Val> | null {
	return isMap(v) ? v : null;
}

const FUNCTIONS: Record<string, Fn> = {
	cidrsubnet,
	cidrhost,
	cidrnetmask: (args, at) => {
		const p = prefixOf(args[0] ?? null);
		return p ? formatIpv4(p.prefix === 0 ? 0 : (0xffffffff << (32 - p.prefix)) >>> 0) : fail('cidrnetmask needs a prefix', at);
	},
	cidrsubnets: (args, at) => {
		const p = prefixOf(args[0] ?? null);
		if (!p) return fail('cidrsubnets needs a prefix', at);
		const out: Val[] = [];
		let next = p.base;
		for (const b of args.slice(1)) {
			const bits = asNumber(b);
			if (bits === null || p.prefix + bits > 32) return fail('cidrsubnets: new bits do not fit', at);
			const size = 2 ** (32 - p.prefix - bits);
			next = Math.ceil(next / size) * size;
			out.push(makeCidr(next, p.prefix + bits).text);
			next += size;
		}
		return out;
	},
	element,
	length: (args, at) => {
		const v = args[0] ?? null;
		if (isList(v)) return v.length;
		if (isMap(v)) return v.size;
		if (typeof v === 'string') return [...v].length;
		return fail('length of a value not known offline', at);
	},
	concat: (args, at) => (args.every(isList) ? args.flatMap((a) => a) : fail('concat needs lists', at)),
	slice: (args, at) => {
		const l = list(args[0] ?? null);
		const from = asNumber(args[1] ?? null);
		const to = asNumber(args[2] ?? null);
		if (!l || from === null || to === null || from < 0 || to > l.length || from > to) return fail('slice: the indexes are outside the list', at);
		return l.slice(from, to);
	},
	zipmap: (args, at) => {
		const keys = list(args[0] ?? null);
		const values = list(args[1] ?? null);
		if (!keys || !values) return fail('zipmap needs two lists', at);
		const m = new Map<string, Val>();
		keys.forEach((k, i) => m.set(asString(k) ?? '', values[i] ?? null));
		return m;
	},
	lookup: (args, at) => {
		const m = asMap(args[0] ?? null);
		const key = asString(args[1] ?? null);
		if (!m || key === null) return fail('lookup needs a map and a key', at);
		if (m.has(key)) return m.get(key) ?? null;
		return args.length > 2 ? (args[2] ?? null) : fail(`lookup: the map has no key \`${key}\``, at);
	},
	merge: (args, at) => {
		const out = new Map<string, Val>();
		for (const a of args) {
			if (a === null) continue;
			const m = asMap(a);
			if (!m) return fail('merge needs maps', at);
			for (const [k, v] of m) out.set(k, v);
		}
		return out;
	},
	format,
	formatlist: (args, at) => {
		const lists = args.slice(1).filter(isList);
		const n = lists[0]?.length ?? 0;
		const out: Val[] = [];
		for (let i = 0; i < n; i++) out.push(format([args[0] ?? null, ...args.slice(1).map((a) => (isList(a) ? (a[i] ?? null) : a))], at));
		return out;
	},
	tolist: (args, at) => list(args[0] ?? null) ?? fail('tolist needs a list or a set', at),
	toset: (args, at) => {
		const l = list(args[0] ?? null);
		return l ? toSet(l) : fail('toset needs a list', at);
	},
	tomap: (args, at) => asMap(args[0] ?? null) ?? fail('tomap needs a map', at),
	tostring: (args, at) => asString(args[0] ?? null) ?? (args[0] === null ? null : fail('tostring of a list or map', at)),
	tonumber: (args, at) => asNumber(args[0] ?? null) ?? fail('tonumber of a value that is no number', at),
	tobool: (args, at) => asBool(args[0] ?? null) ?? fail('tobool of a value that is no bool', at),
	flatten: (args) => flatten(args[0] ?? null),
	distinct: (args, at) => {
		const l = list(args[0] ?? null);
		if (!l) return fail('distinct needs a list', at);
		const out: Val[] = [];
		for (const x of l) if (!out.some((y) => sameValue(x, y))) out.push(x);
		return out;
	},
	compact: (args, at) => list(args[0] ?? null)?.filter((x) => x !== null && x !== '') ?? fail('compact needs a list', at),
	coalesce: (args, at) => args.find((a) => a !== null && a !== '') ?? fail('coalesce: every argument is null or empty', at),
	coalescelist: (args, at) => args.find((a) => isList(a) && a.length > 0) ?? fail('coalescelist: every list is empty', at),
	contains: (args, at) => list(args[0] ?? null)?.some((x) => sameValue(x, args[1] ?? null)) ?? fail('contains needs a list', at),
	keys: (args, at) => {
		const m = asMap(args[0] ?? null);
		return m ? sortedKeys(m) : fail('keys needs a map', at);
	},
	values: (args, at) => {
		const m = asMap(args[0] ?? null);
		return m ? sortedKeys(m).map((k) => m.get(k) ?? null) : fail('values needs a map', at);
	},
	join: (args, at) => {
		const sep = asString(args[0] ?? null);
		const l = list(args[1] ?? null);
		const parts = l?.map(asString);
		return sep !== null && parts && parts.every((p) => p !== null) ? parts.join(sep) : fail('join needs a separator and a list of strings', at);
	},
	split: (args, at) => {
		const sep = asString(args[0] ?? null);
		const s = asString(args[1] ?? null);
		return sep !== null && s !== null ? s.split(sep) : fail('split needs two strings', at);
	},
	range: (args, at) => {
		const n = args.map(asNumber);
		if (n.some((x) => x === null)) return fail('range needs numbers', at);
		const [a, b, step] = n.length === 1 ? [0, n[0] as number, 1] : [n[0] as number, n[1] as number, (n[2] as number | undefined) ?? 1];
		const out: Val[] = [];
		for (let i = a; step > 0 ? i < b : i > b; i += step) {
			out.push(i);
			if (out.length > 1024) return fail('range is too long', at);
		}
		return out;
	},
	min: (args, at) => (args.every((a) => asNumber(a) !== null) ? Math.min(...args.map((a) => asNumber(a) as number)) : fail('min needs numbers', at)),
	max: (args, at) => (args.every((a) => asNumber(a) !== null) ? Math.max(...args.map((a) => asNumber(a) as number)) : fail('max needs numbers', at)),
	abs: (args, at) => Math.abs(asNumber(args[0] ?? null) ?? NaN) ?? fail('abs needs a number', at),
	floor: (args) => Math.floor(asNumber(args[0] ?? null) ?? NaN),
	ceil: (args) => Math.ceil(asNumber(args[0] ?? null) ?? NaN),
	lower: (args, at) => asString(args[0] ?? null)?.toLowerCase() ?? fail('lower needs a string', at),
	upper: (args, at) => asString(args[0] ?? null)?.toUpperCase() ?? fail('upper needs a string', at),
	replace: (args, at) => {
		const [s, find, by] = args.map(asString);
		if (s === null || find === null || by === null || s === undefined || find === undefined || by === undefined) return fail('replace needs three strings', at);
		return s.split(find).join(by);
	},
	substr: (args, at) => {
		const s = asString(args[0] ?? null);
		const from = asNumber(args[1] ?? null);
		const len = asNumber(args[2] ?? null);
		return s !== null && from !== null && len !== null ? [...s].slice(from, len < 0 ? undefined : from + len).join('') : fail('substr needs a string, an offset and a length', at);
	},
	trimprefix: (args) => {
		const [s, p] = args.map(asString);
		return s && p && s.startsWith(p) ? s.slice(p.length) : (s ?? null);
	},
	trimsuffix: (args) => {
		const [s, p] = args.map(asString);
		return s && p && s.endsWith(p) ? s.slice(0, -p.length) : (s ?? null);
	},
	trimspace: (args) => asString(args[0] ?? null)?.trim() ?? null,
	one: (args, at) => {
		const l = list(args[0] ?? null);
		if (!l || l.length > 1) return fail('one needs a list of at most one item', at);
		return l[0] ?? null;
	},
	reverse: (args, at) => list(args[0] ?? null)?.slice().reverse() ?? fail('reverse needs a list', at),
	sort: (args, at) => {
		const l = list(args[0] ?? null)?.map(asString);
		return l && l.every((x) => x !== null) ? (l).slice().sort() : fail('sort needs a list of strings', at);
	},
	index: (args, at) => {
		const i = list(args[0] ?? null)?.findIndex((x) => sameValue(x, args[1] ?? null)) ?? -1;
		return i >= 0 ? i : fail('index: the value is not in the list', at);
	},
	setproduct: (args, at) => {
		if (!args.every(isList)) return fail('setproduct needs lists', at);
		let out: Val[][] = [[]];
		for (const l of args) out = out.flatMap((prefix) => l.map((x) => [...prefix, x]));
		return out;
	},
	setsubtract: (args, at) => {
		const [a, b] = [list(args[0] ?? null), list(args[1] ?? null)];
		return a && b ? toSet(a.filter((x) => !b.some((y) => sameValue(x, y)))) : fail('setsubtract needs two sets', at);
	},
	setunion: (args, at) => (args.every(isList) ? toSet(args.flatMap((a) => a)) : fail('setunion needs sets', at)),
	// Deprecated constructors older configurations still use.
	list: (args) => args,
	map: (args) => {
		const m = new Map<string, Val>();
		for (let i = 0; i + 1 < args.length; i += 2) m.set(asString(args[i] ?? null) ?? '', args[i + 1] ?? null);
		return m;
	},
};

/** Functions whose result does not depend on every argument being known. */
const TOLERANT = new Set(['length', 'concat', 'element', 'slice', 'tolist', 'flatten', 'compact', 'coalesce', 'coalescelist', 'merge', 'lookup', 'zipmap', 'one', 'list', 'map', 'keys', 'values', 'reverse', 'distinct', 'toset']);

export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

export function callFunction(name: string, args: Val[], at: number): Val {
	const fn = FUNCTIONS[name];
	if (!fn) return fail(`\`${name}()\` is not evaluated offline`, at);
	const unknown = args.find((a): a is Unknown => a instanceof Unknown);
	if (unknown) return unknown;
	if (!TOLERANT.has(name)) {
		// A resource's id inside cidrsubnet() or format() is known only after apply.
		const ref = firstUnknown(args);
		if (ref) return new Unknown(ref.why, at);
	}
	return fn(args, at);
}
