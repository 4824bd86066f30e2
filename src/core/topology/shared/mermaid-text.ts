/**
 * Safe Mermaid text: ids derived reversibly from resource names, labels that no name or rule can
 * break out of, colours that cannot smuggle in statements.
 */

const ID_PREFIX = 'r_';

/**
 * `r_` + the name with `[A-Za-z0-9]` kept, `_` doubled and every other code point written as
 * `_<hex>_`. Deterministic, reversible, never a Mermaid keyword, and safe as an SVG id.
 */
export function mermaidIdFor(resourceName: string): string {
	let out = ID_PREFIX;
	for (const ch of resourceName) {
		if (/^[A-Za-z0-9]$/.test(ch)) out += ch;
		else if (ch === '_') out += '__';
		else out += `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
	}
	return out;
}

/**
 * Short ids for a diagram too big for Mermaid's text cap with readable ones: `h` and the base-36
 * FNV-1a hash of each readable id, so still derived from the resource name and stable across
 * edits. No `_` (edge element ids `L_<from>_<to>_<n>` stay unambiguous) and never a keyword; the
 * rare clash takes an upper-case `X` and a count, which no hash contains.
 */
export function shortIds(readableIds: readonly string[]): string[] {
	const taken = new Set<string>();
	return readableIds.map((readable) => {
		const base = `h${fnv1a(readable).toString(36)}`;
		let id = base;
		for (let k = 2; taken.has(id); k++) id = `${base}X${k}`;
		taken.add(id);
		return id;
	});
}

function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export function resourceForMermaidId(id: string): string | null {
	if (!id.startsWith(ID_PREFIX)) return null;
	let out = '';
	let i = ID_PREFIX.length;
	while (i < id.length) {
		const ch = id[i];
		if (/^[A-Za-z0-9]$/.test(ch)) {
			out += ch;
			i++;
			continue;
		}
		if (ch !== '_') return null;
		if (id[i + 1] === '_') {
			out += '_';
			i += 2;
			continue;
		}
		const end = id.indexOf('_', i + 1);
		const hex = end === -1 ? '' : id.slice(i + 1, end);
		if (!/^[0-9a-f]{1,6}$/.test(hex)) return null;
		const code = parseInt(hex, 16);
		if (code > 0x10ffff) return null;
		out += String.fromCodePoint(code);
		i = end + 1;
	}
	return out;
}

const ENTITIES: Record<string, string> = {
	'"': '#quot;',
	'&': '#amp;',
	'<': '#lt;',
	'>': '#gt;',
	'#': '#35;',
	'%': '#37;',
	'`': '#96;',
	'{': '#123;',
	'}': '#125;',
	'|': '#124;',
	';': '#59;',
	'\\': '#92;',
	'[': '#91;',
	']': '#93;',
	'(': '#40;',
	')': '#41;',
};

/**
 * Text for inside a `"..."` label: every character Mermaid or HTML treats specially becomes a
 * Mermaid entity code, line breaks and control characters become spaces, long text is cut.
 */
export function escapeLabel(text: string, max = 80): string {
	if (text.length <= max && /^[A-Za-z0-9 ._:/,-]*$/.test(text)) return text;
	let out = '';
	let count = 0;
	for (const ch of text) {
		if (count++ >= max) {
			out += '…';
			break;
		}
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0x80 && code < 0xa0)) out += ' ';
		else out += ENTITIES[ch] ?? ch;
	}
	return out;
}

/** Label lines joined with Mermaid's line break (each line escaped on its own). */
export function labelLines(...lines: (string | null | undefined)[]): string {
	return lines
		.filter((l): l is string => !!l)
		.map((l) => escapeLabel(l))
		.join('<br/>');
}

/**
 * A CSS colour reduced to something Mermaid's style syntax cannot misread: hex as is, rgb()/
 * rgba()/hsl() converted to hex (their commas would split the style list), plain colour names.
 * Anything else is dropped.
 */
export function safeColor(value: string | undefined): string | null {
	if (!value) return null;
	const v = value.trim().toLowerCase();
	if (/^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/.test(v)) return v;
	if (/^[a-z]{3,20}$/.test(v)) return v;
	const rgb = /^rgba?\(\s*([0-9.]+)%?\s*[, ]\s*([0-9.]+)%?\s*[, ]\s*([0-9.]+)%?\s*(?:[,/]\s*([0-9.]+)(%?)\s*)?\)$/.exec(v);
	if (rgb) {
		const channels = [rgb[1], rgb[2], rgb[3]].map((c) => Math.max(0, Math.min(255, Math.round(Number(c)))));
		let hex = '#' + channels.map((c) => c.toString(16).padStart(2, '0')).join('');
		if (rgb[4] !== undefined) {
			const alpha = rgb[5] === '%' ? Number(rgb[4]) / 100 : Number(rgb[4]);
			hex += Math.round(Math.max(0, Math.min(1, alpha)) * 255).toString(16).padStart(2, '0');
		}
		return hex;
	}
	const hsl = /^hsla?\(\s*([0-9.]+)(?:deg)?\s*[, ]\s*([0-9.]+)%\s*[, ]\s*([0-9.]+)%\s*(?:[,/]\s*([0-9.]+)(%?)\s*)?\)$/.exec(v);
	if (hsl) {
		const h = Number(hsl[1]) % 360;
		const s = Number(hsl[2]) / 100;
		const l = Number(hsl[3]) / 100;
		const k = (n: number): number => (n + h / 30) % 12;
		const a = s * Math.min(l, 1 - l);
		const f = (n: number): number => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
		let hex = '#' + [f(0), f(8), f(4)].map((c) => Math.max(0, Math.min(255, c)).toString(16).padStart(2, '0')).join('');
		if (hsl[4] !== undefined) {
			const alpha = hsl[5] === '%' ? Number(hsl[4]) / 100 : Number(hsl[4]);
			hex += Math.round(Math.max(0, Math.min(1, alpha)) * 255).toString(16).padStart(2, '0');
		}
		return hex;
	}
	return null;
}
