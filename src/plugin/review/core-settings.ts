/**
 * The one place where the plugin's stored settings (settings.ts) become the shapes the core
 * reads: CardSettings for extraction, SchedulerSettings for FSRS. Nothing else converts them.
 */
import type { CardSettings } from '../../core/cards';
import { DEFAULT_SR_SYNTAX, type SrSyntax } from '../../core/cards/sr/sr-syntax';
import { normaliseSchedulerSettings, type SchedulerSettings } from '../../core/srs/scheduler';
import type { CardSourceSettings, SchedulingSettings } from '../settings';

/** Callout types are matched in lower case without brackets: "[!Tip]" and "tip" are the same type. */
export function calloutTypeName(text: string): string {
	return text.trim().replace(/^\[!/, '').replace(/\]$/, '').trim().toLowerCase();
}

/**
 * `srSyntax` is SR's own syntax settings when its data.json was read (srSyntaxFromData), else SR's
 * defaults; it counts only while our "Spaced Repetition syntax" setting is on.
 */
export function cardSettingsOf(cards: CardSourceSettings, srSyntax: SrSyntax = DEFAULT_SR_SYNTAX): CardSettings {
	const levels = [...new Set(cards.headingLevels.filter((l) => Number.isInteger(l) && l >= 1 && l <= 6))].sort((a, b) => a - b);
	const types = (list: string[]) => [...new Set(list.map(calloutTypeName).filter((t) => t.length > 0))];
	return {
		headingLevels: levels,
		sources: {
			heading: cards.heading,
			callout: cards.callout,
			quote: cards.quote,
			definition: cards.definition,
			topology: cards.topology,
			flashcard: cards.srSyntax,
			cloze: cards.srSyntax,
			occlusion: cards.occlusion,
			'trace-drill': cards.traceDrill,
		},
		topologyCap: Math.max(0, Math.round(cards.topologyCap)),
		calloutTypes: { include: types(cards.calloutInclude), exclude: types(cards.calloutExclude) },
		srSyntax: cards.srSyntax ? srSyntax : null,
	};
}

/** Clamped to what FSRS accepts (retention 0.7-0.99, at least one day), so a typo cannot break a review. */
export function schedulerSettingsOf(scheduling: SchedulingSettings): SchedulerSettings {
	return normaliseSchedulerSettings(scheduling);
}
