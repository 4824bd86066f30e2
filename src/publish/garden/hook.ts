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
			const firstLine = token.map ? token.map[0] + 2 : 1;
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
