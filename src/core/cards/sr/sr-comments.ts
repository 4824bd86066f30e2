/**
 * Removing the Spaced Repetition plugin's schedule comments from a note's text (after an import,
 * a backup and the user's yes; see the plugin's sr-import.ts): each `<!--SR:...-->` with the space
 * or line break before it (SR's own SR_COMMENT_AND_WHITESPACE_FINDER), then metadata callouts left
 * empty. Nothing else changes.
 */
import { SR_METADATA_CALLOUT } from './sr-parser';

const COMMENT_AND_SPACE = /\s?<!--SR:!.+?-->/g;

export function withoutSrComments(text: string): string {
	if (!text.includes('<!--SR:')) return text;
	let out = text.replace(COMMENT_AND_SPACE, '');
	if (out.includes(SR_METADATA_CALLOUT)) {
		const lines = out.split('\n');
		const kept: string[] = [];
		for (let i = 0; i < lines.length; i++) {
			if (lines[i].trimEnd() === SR_METADATA_CALLOUT && (i + 1 >= lines.length || !lines[i + 1].startsWith('>') || lines[i + 1].trim() === '>')) {
				if (i + 1 < lines.length && lines[i + 1].trim() === '>') i++;
				continue;
			}
			kept.push(lines[i]);
		}
		out = kept.join('\n');
	}
	return out;
}
