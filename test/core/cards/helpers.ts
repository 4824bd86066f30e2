import { readFileSync } from 'fs';
import * as path from 'path';
import type { Card, CardKind } from '../../../src/core/cards';

export function fixture(name: string): string {
	return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** Whether `part` can be read off `whole` left to right by only skipping characters. */
export function isSubsequence(part: string, whole: string): boolean {
	let j = 0;
	for (let i = 0; i < part.length; i++) {
		j = whole.indexOf(part[i], j);
		if (j === -1) return false;
		j++;
	}
	return true;
}

export function summary(cards: readonly Card[]): [CardKind, number, string][] {
	return cards.map((c) => [c.kind, c.line, c.front]);
}

/** Joins lines with '\n' so tests read like notes. */
export function note(...lines: string[]): string {
	return lines.join('\n');
}
