/**
 * The `**Term**` that opens a definition, in the forms study notes use: `**Term** : text`,
 * `**Term**: text`, `**Term** :text`, `**Term:** text` (any spaces, tabs or no-break spaces around
 * the colon, an ASCII or full-width colon), or `**Term**` alone on its line.
 */

export interface BoldTerm {
	term: string;
	/** The definition on the same line after the colon, trimmed ('' when the line ends there). */
	rest: string;
	/** A colon followed the term (`**Term**` alone has none). */
	colon: boolean;
}

/**
 * Parses a bold term starting exactly at `start`. Returns null when the text there is not a bold
 * term followed by a colon or the end of the line (`**Bold** words` is emphasis, not a term).
 */
export function parseBoldTerm(line: string, start: number): BoldTerm | null {
	const delimiter = line.startsWith('**', start) ? '**' : line.startsWith('__', start) ? '__' : null;
	if (!delimiter) return null;
	const termStart = start + 2;
	const termEnd = line.indexOf(delimiter, termStart);
	if (termEnd <= termStart) return null;
	let term = line.slice(termStart, termEnd);
	if (isPad(term.charCodeAt(0)) || isPad(term.charCodeAt(term.length - 1))) return null;
	let colon = false;
	const last = term[term.length - 1];
	if (last === ':' || last === '\uff1a') {
		term = term.slice(0, -1).trimEnd();
		colon = true;
	}
	let i = termEnd + 2;
	while (i < line.length && isPad(line.charCodeAt(i))) i++;
	if (!colon && (line[i] === ':' || line[i] === '\uff1a')) {
		colon = true;
		i++;
	} else if (i < line.length && !colon) {
		return null;
	}
	// `** **` or a term of Unicode spaces (ideographic, zero-width...) names nothing.
	if (term.trim() === '') return null;
	return { term, rest: line.slice(i).trim(), colon };
}

function isPad(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0xa0;
}
