/**
 * cyrb53: a fast, well-mixed 53-bit non-cryptographic string hash (public domain, by bryc),
 * over two strings as if joined by a separator code unit. It works on UTF-16 code units with
 * Math.imul only, so it gives the same value in every JS engine on every platform, which card
 * ids rely on.
 *
 * Two strings rather than one, so callers need not concatenate (a concatenation is a rope that
 * V8 reads slowly character by character).
 */
export function cyrb53(first: string, second: string, seed = 0, separator = 0x1f): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < first.length; i++) {
		const ch = first.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ separator, 2654435761);
	h2 = Math.imul(h2 ^ separator, 1597334677);
	for (let i = 0; i < second.length; i++) {
		const ch = second.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	return finish(h1, h2);
}

/**
 * The same hash as cyrb53, as a second copy of the loop on purpose: V8 optimises a function for
 * the string shapes it has seen, and once cyrb53 has read the rope-shaped identity strings its
 * code reads every string slowly. Card backs are most of the text hashed, so they get a loop of
 * their own (measured on a 10,000-note vault: ~550 ms -> ~50 ms of CPU).
 */
export function cyrb53Flat(first: string, second: string, seed = 0, separator = 0x1f): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < first.length; i++) {
		const ch = first.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ separator, 2654435761);
	h2 = Math.imul(h2 ^ separator, 1597334677);
	for (let i = 0; i < second.length; i++) {
		const ch = second.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	return finish(h1, h2);
}

function finish(h1: number, h2: number): number {
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The 53-bit hash as 11 base-32 digits (0-9, a-v), most significant first. Written out by hand:
 * Number#toString(radix) on a non-small integer, or building the string by concatenation, costs
 * more than hashing a short string.
 */
export function hashString(hash: number): string {
	const low = hash % 4294967296;
	const high = (hash - low) / 4294967296;
	// 11 digits of 5 bits: the low 25 bits make the last 5 digits, the 28 above them the first 6.
	const top = high * 128 + Math.floor(low / 33554432);
	const rest = low % 33554432;
	return String.fromCharCode(
		digit(top / 33554432),
		digit(top / 1048576),
		digit(top / 32768),
		digit(top / 1024),
		digit(top / 32),
		digit(top),
		digit(rest / 1048576),
		digit(rest / 32768),
		digit(rest / 1024),
		digit(rest / 32),
		digit(rest),
	);
}

function digit(value: number): number {
	const d = Math.floor(value) & 31;
	return d < 10 ? 48 + d : 87 + d;
}
