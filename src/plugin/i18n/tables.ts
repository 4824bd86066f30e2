/**
 * The UI text tables, one per language. In main.js this module is replaced by the same tables
 * packed (deflated JSON in base64, built from this very module by esbuild.config.mjs's
 * i18nPacked), each unpacked the first time its language is asked for: the text is data, and
 * packed it takes about half the bytes. Here, for the type checker, the tests and the other
 * builds, it is the plain objects, so every key and placeholder stays checked: ko must have the
 * type of en.
 */
import { diagrams as enDiagrams } from './en/diagrams';
import { review as enReview } from './en/review';
import { diagrams as koDiagrams } from './ko/diagrams';
import { review as koReview } from './ko/review';

const en = { ...enDiagrams, ...enReview };
const ko: typeof en = { ...koDiagrams, ...koReview };

export type Messages = typeof en;
export type UiLanguage = 'en' | 'ko';

const tables: Record<UiLanguage, Messages> = { en, ko };

/**
 * The texts the plugin's onload shows (command names, the ribbon): main.js keeps these plain, so
 * a launch unpacks nothing (unpacking the UI text took ~12 ms in a fresh Chromium page).
 * test/plugin/i18n-packed.test.ts fails when onload asks for any other; add the key here then.
 */
export const LAUNCH_KEYS = [
	'command.exportReviewLog',
	'command.importSr',
	'command.openStatistics',
	'command.removeSrComments',
	'command.reviewCurrentNote',
	'command.reviewDeck',
	'command.reviewDue',
	'command.undoSrImport',
	'export.copy-mermaid',
	'export.export-svg',
	'export.insert-mermaid',
	'import.command',
	'preview.open',
	'ribbon.reviewDue',
] as const satisfies readonly (keyof Messages)[];

/** A language's text by key (the packed build unpacks it on the first call and keeps it). */
export function messagesOf(language: UiLanguage): Messages {
	return tables[language];
}

/** At least the LAUNCH_KEYS texts of a language, without unpacking anything. */
export function launchMessagesOf(language: UiLanguage): Partial<Messages> {
	return tables[language];
}
