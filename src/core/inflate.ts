/**
 * Raw DEFLATE decoding (RFC 1951), for the tables main.js carries packed (packed-json.ts).
 *
 * Why not a library: fflate, which did this before, builds its decoding tables when main.js is
 * evaluated (a 32,768-entry bit-reversal table among them) and a 2^15-entry lookup table for
 * each compressed block it reads; in a fresh Chromium page that was about 16 ms of every launch
 * for the tables alone, and 14 ms for the first unpack of the UI text (bench, issue 27). This
 * decoder walks the canonical Huffman code a bit at a time: nothing is built before the first
 * call, and a block costs two small count tables. It is slower per byte on large inputs, which we
 * never have (the largest table inflates to about 70 KB).
 */

// RFC 1951, 3.2.5: base values and extra bits of the length (257-285) and distance (0-29) codes.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
// RFC 1951, 3.2.7: the order in which a dynamic block gives the code lengths of its code-length code.
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Codes up to this many bits are decoded with one look-up; longer (rare) ones a bit at a time. */
const FAST_BITS = 10;

/**
 * A canonical Huffman code: `fast` maps the next FAST_BITS bits of the input (first bit lowest)
 * to `symbol << 4 | length` for codes up to FAST_BITS long, 0 where a longer code starts; for
 * those, how many codes have each length (1-15) and the symbols in code order.
 */
interface Code {
	fast: Uint16Array;
	counts: Uint16Array;
	symbols: Uint16Array;
}

function canonicalCode(lengths: ArrayLike<number>): Code {
	const counts = new Uint16Array(16);
	for (let i = 0; i < lengths.length; i++) counts[lengths[i]]++;
	counts[0] = 0;
	const offsets = new Uint16Array(16);
	for (let len = 1; len < 16; len++) offsets[len] = offsets[len - 1] + counts[len - 1];
	const symbols = new Uint16Array(lengths.length);
	for (let i = 0; i < lengths.length; i++) if (lengths[i] !== 0) symbols[offsets[lengths[i]]++] = i;
	// The codes in order: each length's first code follows the last of the length before, doubled.
	const fast = new Uint16Array(1 << FAST_BITS);
	let next = 0;
	let index = 0;
	for (let len = 1; len <= FAST_BITS; len++) {
		for (let k = 0; k < counts[len]; k++, next++, index++) {
			// Stored first bit first: the code's bits reversed, then every continuation of it.
			let reversed = 0;
			for (let b = 0; b < len; b++) reversed |= ((next >> b) & 1) << (len - 1 - b);
			for (let r = reversed; r < fast.length; r += 1 << len) fast[r] = (symbols[index] << 4) | len;
		}
		next <<= 1;
	}
	return { fast, counts, symbols };
}

/** The fixed codes of block type 1 (RFC 1951, 3.2.6), built the first time a fixed block is read. */
let fixedCodes: [Code, Code] | null = null;
function fixed(): [Code, Code] {
	if (!fixedCodes) {
		const lengths = new Uint8Array(288);
		lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
		fixedCodes = [canonicalCode(lengths), canonicalCode(new Uint8Array(30).fill(5))];
	}
	return fixedCodes;
}

/** `symbol << 4 | length` of the code at the start of `bits` (at least 15 bits of input, first bit lowest). */
function lookUp(code: Code, bits: number): number {
	const entry = code.fast[bits & ((1 << FAST_BITS) - 1)];
	return entry !== 0 ? entry : longCode(code, bits);
}

/**
 * A code longer than FAST_BITS. Huffman codes are packed most significant bit first, so the code
 * grows a bit at a time until it falls among the codes of its length.
 */
function longCode(code: Code, bits: number): number {
	let value = 0;
	let first = 0;
	let index = 0;
	for (let len = 1; len < 16; len++) {
		value |= (bits >>> (len - 1)) & 1;
		const count = code.counts[len];
		if (value - first < count) return (code.symbols[index + value - first] << 4) | len;
		index += count;
		first = (first + count) << 1;
		value <<= 1;
	}
	throw new Error('inflate: a code that the block does not define');
}

/** `out` with room for `n` more bytes after its first `length`. */
function grow(out: Uint8Array, length: number, n: number): Uint8Array {
	const grown = new Uint8Array(Math.max(out.length * 2, length + n));
	grown.set(out.subarray(0, length));
	return grown;
}

class Decoder {
	/** Next byte to read; it runs past the end by the zero bytes a look-up may read ahead (never used). */
	private pos = 0;
	private bitBuffer = 0;
	private bitCount = 0;
	private out: Uint8Array;
	private length = 0;

	constructor(private readonly data: Uint8Array) {
		this.out = new Uint8Array(Math.max(1024, data.length * 4));
	}

	/** At least `n` bits (n <= 24) in the buffer; zeros past the end, which the caller may look at but not use. */
	private fill(n: number): void {
		while (this.bitCount < n) {
			if (this.pos >= this.data.length + 4) throw new Error('inflate: the data ends inside a block');
			this.bitBuffer |= (this.pos < this.data.length ? this.data[this.pos] : 0) << this.bitCount;
			this.pos++;
			this.bitCount += 8;
		}
	}

	/** Takes `n` bits; throws when that reaches past the end of the data. */
	private drop(n: number): void {
		this.bitBuffer >>>= n;
		this.bitCount -= n;
		if (this.pos - (this.bitCount >> 3) > this.data.length) throw new Error('inflate: the data ends inside a block');
	}

	/** The next `n` bits (n <= 16), least significant first. */
	private bits(n: number): number {
		this.fill(n);
		const value = this.bitBuffer & ((1 << n) - 1);
		this.drop(n);
		return value;
	}

	private symbol(code: Code): number {
		this.fill(15);
		const entry = lookUp(code, this.bitBuffer);
		this.drop(entry & 15);
		return entry >> 4;
	}

	private stored(): void {
		// The rest of the current byte is padding; whole bytes read ahead are given back.
		this.pos -= this.bitCount >> 3;
		this.bitBuffer = 0;
		this.bitCount = 0;
		const d = this.data;
		if (this.pos + 4 > d.length) throw new Error('inflate: the data ends inside a block');
		const len = d[this.pos] | (d[this.pos + 1] << 8);
		const check = d[this.pos + 2] | (d[this.pos + 3] << 8);
		if ((len ^ 0xffff) !== check) throw new Error('inflate: a stored block with a damaged length');
		this.pos += 4;
		if (this.pos + len > d.length) throw new Error('inflate: the data ends inside a block');
		if (this.length + len > this.out.length) this.out = grow(this.out, this.length, len);
		this.out.set(d.subarray(this.pos, this.pos + len), this.length);
		this.length += len;
		this.pos += len;
	}

	private dynamicCodes(): [Code, Code] {
		const literals = this.bits(5) + 257;
		const distances = this.bits(5) + 1;
		const codeLengthCount = this.bits(4) + 4;
		const codeLengthLengths = new Uint8Array(19);
		for (let i = 0; i < codeLengthCount; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]] = this.bits(3);
		const codeLengthCode = canonicalCode(codeLengthLengths);
		const lengths = new Uint8Array(literals + distances);
		for (let i = 0; i < lengths.length; ) {
			const sym = this.symbol(codeLengthCode);
			if (sym < 16) {
				lengths[i++] = sym;
				continue;
			}
			let repeat: number;
			let value = 0;
			if (sym === 16) {
				if (i === 0) throw new Error('inflate: a repeat with no length before it');
				value = lengths[i - 1];
				repeat = 3 + this.bits(2);
			} else if (sym === 17) repeat = 3 + this.bits(3);
			else repeat = 11 + this.bits(7);
			if (i + repeat > lengths.length) throw new Error('inflate: code lengths run past their count');
			lengths.fill(value, i, i + repeat);
			i += repeat;
		}
		return [canonicalCode(lengths.subarray(0, literals)), canonicalCode(lengths.subarray(literals))];
	}

	/**
	 * The symbols of a compressed block. This loop is nearly all of the work, and a launch runs it
	 * once, mostly in V8's interpreter: so it keeps its state in local variables and looks symbols
	 * up inline (calls and property reads cost there; written with symbol() and bits() per symbol
	 * it took 16 ms for the UI text in a fresh Chromium page, fflate 12 ms).
	 */
	private compressed([literal, distance]: [Code, Code]): void {
		const data = this.data;
		const end = data.length;
		let pos = this.pos;
		let buffer = this.bitBuffer;
		let count = this.bitCount;
		let out = this.out;
		let length = this.length;
		for (;;) {
			while (count < 24) {
				buffer |= (pos < end ? data[pos] : 0) << count;
				pos++;
				count += 8;
			}
			if (pos - (count >> 3) > end) throw new Error('inflate: the data ends inside a block');
			let entry = lookUp(literal, buffer);
			buffer >>>= entry & 15;
			count -= entry & 15;
			const sym = entry >> 4;
			if (sym < 256) {
				if (length === out.length) out = grow(out, length, 1);
				out[length++] = sym;
				continue;
			}
			if (sym === 256) break;
			const lengthCode = sym - 257;
			if (lengthCode >= 29) throw new Error('inflate: an invalid length code');
			// 24 bits hold a code (up to 15) and its extra bits (up to 5 for a length): refill between.
			let extra = LENGTH_EXTRA[lengthCode];
			const len = LENGTH_BASE[lengthCode] + (buffer & ((1 << extra) - 1));
			buffer >>>= extra;
			count -= extra;
			while (count < 24) {
				buffer |= (pos < end ? data[pos] : 0) << count;
				pos++;
				count += 8;
			}
			entry = lookUp(distance, buffer);
			buffer >>>= entry & 15;
			count -= entry & 15;
			const distanceCode = entry >> 4;
			if (distanceCode >= 30) throw new Error('inflate: an invalid distance code');
			extra = DISTANCE_EXTRA[distanceCode];
			while (count < extra) {
				buffer |= (pos < end ? data[pos] : 0) << count;
				pos++;
				count += 8;
			}
			const back = DISTANCE_BASE[distanceCode] + (buffer & ((1 << extra) - 1));
			buffer >>>= extra;
			count -= extra;
			if (pos - (count >> 3) > end) throw new Error('inflate: the data ends inside a block');
			if (back > length) throw new Error('inflate: a distance before the start of the data');
			if (length + len > out.length) out = grow(out, length, len);
			// Byte by byte: a copy may overlap what it writes (a run).
			for (let i = 0; i < len; i++, length++) out[length] = out[length - back];
		}
		if (pos - (count >> 3) > end) throw new Error('inflate: the data ends inside a block');
		this.pos = pos;
		this.bitBuffer = buffer;
		this.bitCount = count;
		this.out = out;
		this.length = length;
	}

	run(): Uint8Array {
		let last = 0;
		while (!last) {
			last = this.bits(1);
			const type = this.bits(2);
			if (type === 0) this.stored();
			else if (type === 1) this.compressed(fixed());
			else if (type === 2) this.compressed(this.dynamicCodes());
			else throw new Error('inflate: an invalid block type');
		}
		return this.out.subarray(0, this.length);
	}
}

/** The bytes that raw DEFLATE data (no zlib or gzip header) stands for; throws on damaged data. */
export function inflateRaw(data: Uint8Array): Uint8Array {
	return new Decoder(data).run();
}
