/**
 * Drawn diagrams kept across restarts: the final SVG (after our decorations and sanitising) of
 * recently drawn blocks, in one file of the plugin folder per device (`render-cache-<device>.json`),
 * so a reopened note shows its diagram without running Mermaid's layout again. Two devices never
 * write one file, so a sync has nothing to merge; each keeps what it drew itself.
 *
 * The key is a hash of everything the picture depends on: the block's kind and text, the Mermaid
 * text our writer makes from it (which changes with the language's code), the theme colours and
 * the diagram settings, the plugin version, the drawing pipeline's version (layout, decorations)
 * and the Mermaid version. Anything that differs misses, so a changed block or theme never shows
 * an old picture. Bounded: least recently used entries go first once the SVGs pass `maxBytes`.
 *
 * The file is only ever a cache: one that is unreadable, of another format, or larger than it can
 * be is ignored (and replaced at the next save); entries are checked one by one.
 */
import { cyrb53 } from '../../core/cards/hash';

/** Bump when the file's shape changes; a file of another format is ignored and rebuilt. */
export const RENDER_CACHE_FORMAT = 1;
/** What the SVGs may take together (Obsidian Sync Standard skips files over 5 MB). */
export const RENDER_CACHE_MAX_BYTES = 3_000_000;

export interface RenderCacheFile {
	read(name: string): Promise<string | null>;
	write(name: string, text: string): Promise<void>;
	size(name: string): Promise<number | null>;
}

/** What the picture depends on; every part is part of the key. */
export interface DiskRenderKeyParts {
	kind: string;
	source: string;
	/** The Mermaid text our writer made for the block (with the theme's config). */
	mermaidText: string;
	themeKey: string;
	/** Diagram settings: direction, icons, showDenied. */
	options: string;
	/** The plugin's version: the languages' parsers and writers ship with it. */
	pluginVersion: string;
	/** The drawing pipeline's version (layout, decorations, sanitising): DIAGRAM_RENDERER_VERSION. */
	rendererVersion: string;
	/** The Mermaid that draws (Obsidian's version fixes the Mermaid it ships). */
	mermaidVersion: string;
}

/** Two 53-bit hashes of the length-prefixed parts: no two inputs share a key in practice. */
export function diskRenderKey(parts: DiskRenderKeyParts): string {
	const text = [RENDER_CACHE_FORMAT, parts.pluginVersion, parts.rendererVersion, parts.mermaidVersion, parts.kind, parts.themeKey, parts.options, parts.source, parts.mermaidText]
		.map((p) => `${String(p).length}:${String(p)}`)
		.join('|');
	return `${cyrb53(text, '', 1).toString(36)}-${cyrb53(text, '', 2).toString(36)}-${text.length.toString(36)}`;
}

export interface DiskRenderEntry {
	key: string;
	svg: string;
	/** The render id Mermaid scoped the SVG's ids and styles with. */
	renderId: string;
	/** Whether it was drawn with icons (Mermaid may have lacked them). */
	icons: boolean;
	/** Last use, ms since the epoch (the LRU order, kept across restarts). */
	used: number;
}

function isEntry(value: unknown): value is DiskRenderEntry {
	if (typeof value !== 'object' || value === null) return false;
	const e = value as Record<string, unknown>;
	return typeof e.key === 'string' && typeof e.svg === 'string' && e.svg.startsWith('<svg') && typeof e.renderId === 'string' && typeof e.icons === 'boolean' && typeof e.used === 'number';
}

export class DiskRenderCache {
	/** In LRU order: oldest first. */
	private readonly entries = new Map<string, DiskRenderEntry>();
	private bytes = 0;
	private dirty = false;
	private loading: Promise<void> | null = null;
	private loadedFlag = false;
	/** Why the file was ignored at load, if it was (tests and the console read it). */
	problem: string | null = null;

	/** `name` may be given late (the device id is read on first use, not while the plugin loads). */
	constructor(
		private readonly file: RenderCacheFile,
		private readonly nameOf: string | (() => string),
		private readonly maxBytes = RENDER_CACHE_MAX_BYTES,
		private readonly now: () => number = Date.now,
	) {}

	private fileName: string | null = null;

	get name(): string {
		this.fileName ??= typeof this.nameOf === 'string' ? this.nameOf : this.nameOf();
		return this.fileName;
	}

	get loaded(): boolean {
		return this.loadedFlag;
	}

	get size(): number {
		return this.entries.size;
	}

	get totalBytes(): number {
		return this.bytes;
	}

	/** Reads the file once; never rejects (a cache that cannot be read starts empty). */
	load(): Promise<void> {
		this.loading ??= this.readFile()
			.catch((error: unknown) => {
				this.problem = `could not read ${this.name}: ${error instanceof Error ? error.message : String(error)}`;
			})
			.then(() => {
				this.loadedFlag = true;
				if (this.problem) console.warn(`Cloudnotes: ${this.problem}`);
			});
		return this.loading;
	}

	private async readFile(): Promise<void> {
		const size = await this.file.size(this.name);
		if (size === null) return;
		// Larger than the budget plus the JSON around it, with room: not read at all.
		if (size > 2 * this.maxBytes + 65_536) {
			this.problem = `${this.name} is ${size} bytes, more than a render cache can be: ignored, rebuilt as diagrams are drawn`;
			this.dirty = true;
			return;
		}
		const text = await this.file.read(this.name);
		if (text === null) return;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			this.problem = `${this.name} is not valid JSON: ignored, rebuilt as diagrams are drawn`;
			this.dirty = true;
			return;
		}
		const data = parsed as { format?: unknown; entries?: unknown };
		if (typeof parsed !== 'object' || parsed === null || data.format !== RENDER_CACHE_FORMAT || !Array.isArray(data.entries)) {
			this.problem = `${this.name} is not a render cache of format ${RENDER_CACHE_FORMAT}: ignored, rebuilt as diagrams are drawn`;
			this.dirty = true;
			return;
		}
		const valid = data.entries.filter(isEntry).sort((a, b) => a.used - b.used);
		if (valid.length !== data.entries.length) this.dirty = true;
		// Entries drawn while the file was being read are newer: they stay.
		const drawnMeanwhile = [...this.entries.values()];
		this.entries.clear();
		this.bytes = 0;
		for (const entry of [...valid, ...drawnMeanwhile]) this.put(entry);
	}

	get(key: string): DiskRenderEntry | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		this.entries.set(key, entry);
		entry.used = this.now();
		// The order changed; worth a write only together with new entries (see set).
		return entry;
	}

	set(key: string, svg: string, renderId: string, icons: boolean): void {
		this.put({ key, svg, renderId, icons, used: this.now() });
		this.dirty = true;
	}

	private put(entry: DiskRenderEntry): void {
		const previous = this.entries.get(entry.key);
		if (previous) {
			this.entries.delete(entry.key);
			this.bytes -= previous.svg.length;
		}
		// A picture larger than the whole budget is not kept (it would push out everything else).
		if (entry.svg.length > this.maxBytes) return;
		this.entries.set(entry.key, entry);
		this.bytes += entry.svg.length;
		for (const [key, oldest] of this.entries) {
			if (this.bytes <= this.maxBytes) break;
			this.entries.delete(key);
			this.bytes -= oldest.svg.length;
		}
	}

	/** Writes the file when something was added since the last write (after loading, so nothing on disk is lost). */
	async save(): Promise<boolean> {
		// Never read (no diagram drawn this session): nothing to write, and no reason to read it now.
		if (!this.loading) return false;
		await this.loading;
		if (!this.dirty) return false;
		this.dirty = false;
		const text = JSON.stringify({ format: RENDER_CACHE_FORMAT, entries: [...this.entries.values()] });
		try {
			await this.file.write(this.name, text);
		} catch (error) {
			this.dirty = true;
			throw error;
		}
		return true;
	}
}
