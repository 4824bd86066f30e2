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
 * cyrb53 fed piece by piece: `reset(seed)`, then any mix of `text` and `code`, then `value()`.
 * cyrb53(a, b, seed, sep) is reset(seed), text(a), code(sep), text(b), value(). Lets card ids be
 * hashed from their parts (and a note's path be hashed once for all its cards) without building
 * the joined strings. `value()` leaves the state as it is, so a hash can be continued.
 */
export class Cyrb53Stream {
	private h1 = 0;
	private h2 = 0;

	reset(seed = 0): void {
		this.h1 = 0xdeadbeef ^ seed;
		this.h2 = 0x41c6ce57 ^ seed;
	}

	code(ch: number): void {
		this.h1 = Math.imul(this.h1 ^ ch, 2654435761);
		this.h2 = Math.imul(this.h2 ^ ch, 1597334677);
	}

	text(text: string): void {
		let h1 = this.h1;
		let h2 = this.h2;
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		this.h1 = h1;
		this.h2 = h2;
	}

	/**
	 * The same as `text`, a second copy of the loop on purpose (as cyrb53Flat): note paths are often
	 * ropes (built by concatenation), and once `text` has read one, its code reads every title and
	 * key of every card slowly.
	 */
	pathText(text: string): void {
		let h1 = this.h1;
		let h2 = this.h2;
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		this.h1 = h1;
		this.h2 = h2;
	}

	/** Feeds hashString(hash) without building it. */
	digits(hash: number): void {
		const top = topBits(hash);
		const rest = restBits(hash);
		// In locals, stored once (not two field writes per digit).
		let h1 = this.h1;
		let h2 = this.h2;
		for (let shift = 25; shift >= 0; shift -= 5) {
			const ch = digitCode((top >>> shift) & 31);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		for (let shift = 20; shift >= 0; shift -= 5) {
			const ch = digitCode((rest >>> shift) & 31);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		this.h1 = h1;
		this.h2 = h2;
	}

	value(): number {
		return finish(this.h1, this.h2);
	}

	/** Takes over another stream's state (to continue from a shared prefix). */
	copy(from: Cyrb53Stream): void {
		this.h1 = from.h1;
		this.h2 = from.h2;
	}
}

/**
 * The 53-bit hash as 11 base-32 digits (0-9, a-v), most significant first. Written out by hand:
 * Number#toString(radix) on a non-small integer, or building the string by concatenation, costs
 * more than hashing a short string.
 */
export function hashString(hash: number): string {
	const top = topBits(hash);
	const rest = restBits(hash);
	return String.fromCharCode(
		digitCode(top >>> 25),
		digitCode((top >>> 20) & 31),
		digitCode((top >>> 15) & 31),
		digitCode((top >>> 10) & 31),
		digitCode((top >>> 5) & 31),
		digitCode(top & 31),
		digitCode(rest >>> 20),
		digitCode((rest >>> 15) & 31),
		digitCode((rest >>> 10) & 31),
		digitCode((rest >>> 5) & 31),
		digitCode(rest & 31),
	);
}

/** `prefix` + '-' + hashString(hash), built as one flat string (card ids). */
export function prefixedHashString(prefix: number, hash: number): string {
	const top = topBits(hash);
	const rest = restBits(hash);
	return String.fromCharCode(
		prefix,
		0x2d,
		digitCode(top >>> 25),
		digitCode((top >>> 20) & 31),
		digitCode((top >>> 15) & 31),
		digitCode((top >>> 10) & 31),
		digitCode((top >>> 5) & 31),
		digitCode(top & 31),
		digitCode(rest >>> 20),
		digitCode((rest >>> 15) & 31),
		digitCode((rest >>> 10) & 31),
		digitCode((rest >>> 5) & 31),
		digitCode(rest & 31),
	);
}

// 11 digits of 5 bits: the low 25 bits of the 53 make the last 5 digits, the 28 above them the
// first 6. Both halves fit 32-bit integer arithmetic.
function topBits(hash: number): number {
	const low = hash % 4294967296;
	return (((hash - low) / 4294967296) << 7) | (low >>> 25);
}

function restBits(hash: number): number {
	return (hash % 4294967296) & 0x1ffffff;
}

function digitCode(digit: number): number {
	return digit < 10 ? 48 + digit : 87 + digit;
}
