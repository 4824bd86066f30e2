/**
 * IPv4 addresses and CIDR blocks as unsigned 32-bit numbers. Ranges are compared as
 * [first, last] so containment and overlap are two comparisons each.
 */

export interface Cidr {
	/** Network address as an unsigned 32-bit number. */
	base: number;
	prefix: number;
	/** Canonical text, e.g. `10.0.1.0/24`. */
	text: string;
}

export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; message: string };

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

export function parseIpv4(text: string): number | null {
	const parts = text.split('.');
	if (parts.length !== 4) return null;
	let value = 0;
	for (const part of parts) {
		if (!OCTET.test(part)) return null;
		const n = Number(part);
		if (n > 255) return null;
		value = value * 256 + n;
	}
	return value;
}

export function formatIpv4(value: number): string {
	return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function blockSize(prefix: number): number {
	return 2 ** (32 - prefix);
}

export function cidrLast(c: Cidr): number {
	return c.base + blockSize(c.prefix) - 1;
}

export function makeCidr(base: number, prefix: number): Cidr {
	return { base, prefix, text: `${formatIpv4(base)}/${prefix}` };
}

export const ANYWHERE: Cidr = makeCidr(0, 0);

/**
 * Parses `a.b.c.d/n`. With `allowBareAddress`, `a.b.c.d` means `/32` (trace queries); rules and
 * subnets must say the prefix, as the AWS console does. Host bits must be zero, as AWS requires.
 */
export function parseCidr(raw: string, options: { allowBareAddress?: boolean } = {}): CidrResult {
	const text = raw.trim();
	if (text.includes(':')) return { ok: false, message: `\`${text}\` is IPv6; vpc blocks model IPv4 only` };
	const slash = text.indexOf('/');
	if (slash === -1) {
		const address = parseIpv4(text);
		if (address === null) return { ok: false, message: `\`${text}\` is not an IPv4 CIDR like 10.0.0.0/16` };
		if (options.allowBareAddress) return { ok: true, cidr: makeCidr(address, 32) };
		return { ok: false, message: `\`${text}\` needs a prefix length: write ${text}/32 for one address` };
	}
	const address = parseIpv4(text.slice(0, slash));
	const prefixText = text.slice(slash + 1);
	if (address === null || !/^[0-9]{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
		return { ok: false, message: `\`${text}\` is not an IPv4 CIDR like 10.0.0.0/16` };
	}
	const prefix = Number(prefixText);
	const size = blockSize(prefix);
	const base = Math.floor(address / size) * size;
	if (base !== address) {
		return { ok: false, message: `\`${text}\` has host bits set; the block starts at ${formatIpv4(base)}/${prefix}` };
	}
	return { ok: true, cidr: makeCidr(base, prefix) };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
	return outer.prefix <= inner.prefix && inner.base >= outer.base && cidrLast(inner) <= cidrLast(outer);
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
	return a.base <= cidrLast(b) && b.base <= cidrLast(a);
}
