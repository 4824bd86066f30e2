/**
 * Compose interpolation, as compose-go's template package reads it: `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}` (default when unset or empty / unset), `${VAR:?err}` /
 * `${VAR?err}` (required), `${VAR:+alt}` / `${VAR+alt}` (alternative when set), `$$` for a literal
 * `$`. A block has no environment, so a variable with a default is read with its default, and one
 * without is unknown until run: it is never an error.
 *
 * Unknown variables are replaced by a marker (MARK + index + MARK) that holds no `:` or `/`, so a
 * reader can split the result as Compose splits the interpolated text (`${PORT:-8080}:80` is
 * `8080:80`) and still tell which part is unknown.
 */

const MARK = '\u0001';
const MARKER = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export interface Interpolation {
	/** The text with defaults in place and unknown variables as markers. */
	text: string;
	/** The variables (as written, `${PORT}`) whose value is unknown until run, by marker index. */
	unknown: string[];
	/** Variables read with their default: `PORT=8080`. */
	defaults: string[];
}

/** The index of the `}` closing the `${` that starts at `open` (defaults may nest `${...}`), or -1. */
function closing(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '$' && text[i + 1] === '{') {
			depth++;
			i++;
		} else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

export function interpolate(raw: string): Interpolation {
	const result: Interpolation = { text: '', unknown: [], defaults: [] };
	if (!raw.includes('$')) {
		result.text = raw;
		return result;
	}
	const unknown = (written: string): string => {
		result.unknown.push(written);
		return `${MARK}${result.unknown.length - 1}${MARK}`;
	};
	let out = '';
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i];
		if (c !== '$') {
			out += c;
			continue;
		}
		const next = raw[i + 1];
		if (next === '$') {
			out += '$';
			i++;
			continue;
		}
		if (next === '{') {
			const end = closing(raw, i);
			if (end === -1) {
				out += raw.slice(i);
				break;
			}
			const body = raw.slice(i + 2, end);
			const written = raw.slice(i, end + 1);
			i = end;
			const name = NAME.exec(body)?.[0] ?? '';
			const op = /^(:?[-?+])/.exec(body.slice(name.length))?.[1] ?? '';
			const rest = body.slice(name.length + op.length);
			if (name === '' || (op === '' && rest !== '')) {
				out += written;
				continue;
			}
			if (op === ':-' || op === '-') {
				const inner = interpolate(rest);
				result.defaults.push(`${name}=${inner.unknown.length ? rest : inner.text}`, ...inner.defaults);
				if (inner.unknown.length) out += unknown(written);
				else out += inner.text;
			} else out += unknown(written);
			continue;
		}
		const name = NAME.exec(raw.slice(i + 1))?.[0];
		if (name) {
			out += unknown(`$${name}`);
			i += name.length;
		} else out += '$';
	}
	result.text = out;
	return result;
}

/** Whether a part of an interpolated text holds an unknown variable. */
export function hasUnknown(text: string): boolean {
	return text.includes(MARK);
}

/** A part of an interpolated text with its markers written back as the variables they stand for. */
export function restoreUnknown(text: string, interpolation: Interpolation): string {
	return text.replace(MARKER, (_, i: string) => interpolation.unknown[Number(i)] ?? '');
}

/** A value whose variables all have defaults, read with them; null when some variable is unknown until run. */
export function knownValue(raw: string): string | null {
	const i = interpolate(raw);
	return i.unknown.length ? null : i.text;
}
