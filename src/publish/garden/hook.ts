/**
 * The Digital Garden plugin's build hook (`index.js` of dist/garden-plugin/): `setupMarkdown(md,
 * ctx)` wraps markdown-it's fence rule so topology blocks become diagrams with their checks, and
 * every other fence goes to the rule that was there before, unchanged. It runs in Node at the
 * garden's build and requires nothing: the core is bundled in.
 */
import { gardenBlockHtml, gardenText, type GardenSettings } from '../../core/publish/garden-html';
import { publishBlock } from '../../core/publish/published-block';
import { languageForFence } from '../../core/topology';

/** The part of markdown-it we touch (markdown-it 14's types, narrowed). */
interface FenceToken {
	info: string;
	content: string;
	map: [number, number] | null;
}
type FenceRule = (tokens: FenceToken[], idx: number, options: unknown, env: unknown, self: { renderToken(tokens: FenceToken[], idx: number, options: unknown): string }) => string;
export interface MarkdownItLike {
	renderer: { rules: { fence?: FenceRule } };
}

/** The garden's hook context: settings resolved from garden-plugin.json, the registry and .env. */
export interface GardenHookContext {
	settings?: Partial<{ showLint: boolean | string; showFlows: boolean | string; direction: string }>;
}

const truthy = (value: unknown, fallback: boolean): boolean => (value === undefined ? fallback : value === true || value === 'true');

/** The data key our front matter engine hook writes: how many lines the page's front matter takes. */
export const FRONT_MATTER_LINES = 'cloudnotesFrontMatterLines';

/**
 * Lines the note's front matter takes before the Markdown Eleventy hands markdown-it (it strips the
 * front matter first), so lint lines are the note's own: from the page data (`env` is Eleventy's
 * data) where setupEleventy recorded it, else 0.
 */
export function frontMatterLines(env: unknown): number {
	const value = env && typeof env === 'object' ? (env as Record<string, unknown>)[FRONT_MATTER_LINES] : undefined;
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** What gray-matter hands a front matter `excerpt` function: the raw front matter and the parsed data. */
interface GrayMatterFile {
	matter?: string;
	data?: Record<string, unknown> | null;
}
type ExcerptOption = boolean | string | ((file: GrayMatterFile, options: unknown) => unknown) | undefined;
export interface EleventyConfigLike {
	frontMatterParsingOptions?: { excerpt?: ExcerptOption } & Record<string, unknown>;
	setFrontMatterParsingOptions(options: Record<string, unknown>): void;
}

/** Records in the page data how many lines a file's front matter takes (`---`, its lines, `---`). */
export function recordFrontMatterLines(file: GrayMatterFile): void {
	if (typeof file.matter !== 'string') return;
	file.data ??= {};
	file.data[FRONT_MATTER_LINES] = file.matter.split('\n').length + 1;
}

/**
 * The garden's Eleventy hook: Eleventy parses front matter with gray-matter, which calls an
 * `excerpt` function with the raw front matter; ours counts its lines into the page data (and
 * calls a function the site set before). A site that uses gray-matter's own excerpts (`excerpt:
 * true`) is left alone: its lint lines then count from after the front matter, as before.
 */
export function setupEleventy(config: EleventyConfigLike): void {
	const options = config.frontMatterParsingOptions ?? {};
	const previous = options.excerpt;
	if (previous !== undefined && previous !== false && typeof previous !== 'function') return;
	config.setFrontMatterParsingOptions({
		...options,
		excerpt: (file: GrayMatterFile, opts: unknown) => {
			recordFrontMatterLines(file);
			return typeof previous === 'function' ? previous(file, opts) : undefined;
		},
	});
}

export function setupMarkdown(md: MarkdownItLike, context: GardenHookContext = {}): void {
	const settings: GardenSettings = {
		showLint: truthy(context.settings?.showLint, true),
		showFlows: truthy(context.settings?.showFlows, true),
	};
	const direction = context.settings?.direction === 'TB' || context.settings?.direction === 'LR' ? context.settings.direction : undefined;
	const previous: FenceRule = md.renderer.rules.fence ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
	md.renderer.rules.fence = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		const fence = (token?.info ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
		const language = languageForFence(fence);
		if (!token || !language) return previous(tokens, idx, options, env, self);
		try {
			const firstLine = frontMatterLines(env) + (token.map ? token.map[0] + 2 : 1);
			return gardenBlockHtml(publishBlock(language.id, token.content.replace(/\n$/, ''), firstLine, direction ? { direction } : {}), settings);
		} catch (e) {
			// Never break the page or the build: publish the block as code, with why.
			const why = e instanceof Error ? e.message : String(e);
			return `<div class="cloudnotes-garden" data-state="broken"><p class="cloudnotes-garden-refusal">${gardenText(`Cloudnotes could not publish this block (${why}).`)}</p><pre><code>${gardenText(token.content)}</code></pre></div>\n`;
		}
	};
}

/** For gardens without the plugin system: `userMarkdownSetup(md)` in src/helpers/userSetup.js calls this. */
export function userMarkdownSetup(md: MarkdownItLike): void {
	setupMarkdown(md, {});
}
