/**
 * Rendered diagrams by what determines them: block kind, source text, theme colours and the
 * diagram settings. Live Preview redraws blocks often; an unchanged block takes its picture from
 * here instead of running Mermaid again. Bounded: the least recently used entry goes first.
 */

export interface RenderKeyParts {
	kind: string;
	source: string;
	/** From themeKey(colors): changes whenever a colour the diagram uses changes. */
	themeKey: string;
	/** Anything else the Mermaid text depends on (e.g. the flowchart direction). */
	options: string;
}

/**
 * The cache key. Parts are length-prefixed, so no choice of source text can make two different
 * inputs collide (`a` + `b|c` vs `a|b` + `c`).
 */
export function renderCacheKey(parts: RenderKeyParts): string {
	return [parts.kind, parts.themeKey, parts.options, parts.source].map((p) => `${p.length}:${p}`).join('|');
}

export class LruCache<V> {
	private readonly entries = new Map<string, V>();

	constructor(readonly capacity: number) {
		if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
	}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): V | undefined {
		const value = this.entries.get(key);
		if (value === undefined) return undefined;
		// Map keeps insertion order: re-inserting makes this the most recently used.
		this.entries.delete(key);
		this.entries.set(key, value);
		return value;
	}

	has(key: string): boolean {
		return this.entries.has(key);
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		while (this.entries.size > this.capacity) {
			const oldest = this.entries.keys().next().value as string;
			this.entries.delete(oldest);
		}
	}

	clear(): void {
		this.entries.clear();
	}
}
