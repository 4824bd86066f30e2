/**
 * The plugin's settings: their shape, defaults, and how stored data is read back (missing or
 * unknown keys from older versions fall back to defaults instead of breaking the plugin).
 * The settings tab lives in tab.ts, drawn from the sections the features contribute.
 */

export type LanguageSetting = 'auto' | 'en' | 'ko';

export interface ScanScope {
	/** Which notes make cards: all, or only notes under these folders / with these tags. */
	mode: 'all' | 'folders' | 'tags';
	folders: string[];
	tags: string[];
}

export interface CardSourceSettings {
	heading: boolean;
	callout: boolean;
	quote: boolean;
	definition: boolean;
	topology: boolean;
	/** Read the Spaced Repetition plugin's syntax (`Q::A`, `?`, clozes) in the notes SR reads, and Anki clozes. */
	srSyntax: boolean;
	/** Occlusion cards and trace drills: topology blocks' facts asked on their own diagram (a block's fence may override). */
	occlusion: boolean;
	traceDrill: boolean;
	/** Cards per topology block, all kinds together (a block's fence may override with `cards-max=N`). */
	topologyCap: number;
	headingLevels: number[];
	calloutInclude: string[];
	calloutExclude: string[];
}

export interface SchedulingSettings {
	desiredRetention: number;
	maximumInterval: number;
	newCardsPerDay: number;
	reviewsPerDay: number;
}

export interface DiagramSettings {
	/** Flowchart direction of topology diagrams; 'auto' draws a VPC top to bottom and containers left to right. */
	direction: 'auto' | 'LR' | 'TB';
	/** Show lint results under each diagram. */
	showLint: boolean;
	/**
	 * Blocks drawing more resources than this wait for a click before Mermaid lays them out:
	 * Mermaid's layout runs in one piece (about 3.5 s for 100 resources here) and would freeze the
	 * note while it opens.
	 */
	autoDrawLimit: number;
	/** Draw resources as icons (our pack, image logos) inside AWS-style groups; off draws plain shapes. */
	icons: boolean;
}

export interface CloudnotesSettings {
	language: LanguageSetting;
	scan: ScanScope;
	cards: CardSourceSettings;
	scheduling: SchedulingSettings;
	diagrams: DiagramSettings;
	showStatusBar: boolean;
	/**
	 * Notes outside the scan scope that were studied with "Review this note". They are indexed like
	 * notes in scope, so their cards stay live and their review history is never orphaned away.
	 */
	pinnedNotes: string[];
}

export const DEFAULT_SETTINGS: CloudnotesSettings = {
	language: 'auto',
	scan: { mode: 'all', folders: [], tags: [] },
	cards: {
		heading: true,
		callout: true,
		quote: true,
		definition: true,
		topology: true,
		srSyntax: true,
		occlusion: true,
		traceDrill: true,
		topologyCap: 12,
		// Every level, as the card core's default: a heading with an empty body (a chapter title
		// followed straight by its sub-headings) makes no card anyway, and #### sub-topics are
		// where study notes keep their finest distinctions.
		headingLevels: [1, 2, 3, 4, 5, 6],
		calloutInclude: [],
		calloutExclude: [],
	},
	scheduling: { desiredRetention: 0.9, maximumInterval: 36500, newCardsPerDay: 20, reviewsPerDay: 200 },
	diagrams: { direction: 'auto', showLint: true, autoDrawLimit: 80, icons: true },
	showStatusBar: true,
	pinnedNotes: [],
};

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges stored data over the defaults, keeping only keys and value types the defaults know. */
export function readSettings(stored: unknown): CloudnotesSettings {
	return mergeKnown(DEFAULT_SETTINGS, stored) as CloudnotesSettings;
}

function mergeKnown(defaults: unknown, stored: unknown): unknown {
	if (isRecord(defaults)) {
		const out: Record<string, unknown> = {};
		const from = isRecord(stored) ? stored : {};
		for (const [key, value] of Object.entries(defaults)) out[key] = mergeKnown(value, from[key]);
		return out;
	}
	if (Array.isArray(defaults)) {
		const list: unknown[] = defaults;
		if (!Array.isArray(stored)) return [...list];
		const sample: unknown = list[0];
		const items: unknown[] = stored;
		// An empty default list accepts strings and numbers (folder names, tags, levels).
		return items.filter((v) => (sample === undefined ? typeof v === 'string' || typeof v === 'number' : typeof v === typeof sample));
	}
	return typeof stored === typeof defaults ? stored : defaults;
}
