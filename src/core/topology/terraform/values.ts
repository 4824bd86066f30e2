/**
 * Terraform values as offline reading knows them: strings, numbers, bools, null, lists (tuples,
 * lists and sets alike), objects and maps (Map, iterated in key order as Terraform does), and the
 * values only `apply` would know: `Unknown` (with why) and `ResourceRef` (a generated attribute of
 * a resource whose address is known: `aws_vpc.main.id`). `Lazy` stands for a namespace or a
 * resource instance whose attributes are read only when asked (`var`, `local`, `aws_subnet.web`).
 */

export class Unknown {
	constructor(
		readonly why: string,
		readonly at: number,
	) {}
}

export class ResourceRef {
	constructor(
		readonly address: string,
		readonly attr: string,
	) {}
}

export class Lazy {
	constructor(
		readonly label: string,
		readonly get: (key: string, at: number) => Val,
	) {}
}

export type Val = string | number | boolean | null | Val[] | Map<string, Val> | Unknown | ResourceRef | Lazy;

export function isList(v: Val): v is Val[] {
	return Array.isArray(v);
}

export function isMap(v: Val): v is Map<string, Val> {
	return v instanceof Map;
}

/** The first unknown among values (arguments of a call, items of a template), or null. */
export function firstUnknown(values: readonly Val[]): Unknown | null {
	for (const v of values) {
		if (v instanceof Unknown) return v;
		if (v instanceof ResourceRef) return new Unknown(`\`${v.address}.${v.attr}\` is known only after apply`, -1);
	}
	return null;
}

/** A value as a template part or a string argument; null when it is no primitive. */
export function asString(v: Val): string | null {
	if (typeof v === 'string') return v;
	if (typeof v === 'number') return String(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return null;
}

export function asNumber(v: Val): number | null {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v.trim())) return Number(v);
	return null;
}

export function asBool(v: Val): boolean | null {
	if (typeof v === 'boolean') return v;
	if (v === 'true' || v === 'false') return v === 'true';
	return null;
}

/** Keys in Terraform's order (lexical), as `for` and `for_each` walk a map. */
export function sortedKeys(m: Map<string, Val>): string[] {
	return [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function sameValue(a: Val, b: Val): boolean {
	if (a === b) return true;
	if (isList(a) && isList(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i] ?? null));
	if (isMap(a) && isMap(b)) return a.size === b.size && [...a].every(([k, x]) => b.has(k) && sameValue(x, b.get(k) ?? null));
	if (a instanceof ResourceRef && b instanceof ResourceRef) return a.address === b.address && a.attr === b.attr;
	const sa = asString(a);
	return sa !== null && sa === asString(b) && typeof a === typeof b;
}

/** A value shown in a message or a details panel. */
export function showValue(v: Val, depth = 0): string {
	if (v === null) return 'null';
	if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (v instanceof Unknown) return '(known after apply)';
	if (v instanceof ResourceRef) return `${v.address}.${v.attr}`;
	if (v instanceof Lazy) return v.label;
	if (isList(v)) return `[${v.map((x) => showValue(x, depth + 1)).join(', ')}]`;
	return `{ ${[...v].map(([k, x]) => `${k} = ${showValue(x, depth + 1)}`).join(', ')} }`;
}
