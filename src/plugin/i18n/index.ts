/**
 * UI text in English and Korean, one place per language (en/, ko/). The language follows
 * Obsidian's (getLanguage()) unless the user picks one in settings.
 */
import { launchMessagesOf, messagesOf, type Messages, type UiLanguage } from './tables';

export type MessageKey = keyof Messages;
export type { UiLanguage };

let current: UiLanguage = 'en';

/** Whether a key built at run time (e.g. per block language) has a text. */
export function isMessageKey(key: string): key is MessageKey {
	return key in messagesOf('en');
}

/** Picks the UI language: an explicit setting wins, else Obsidian's language ('ko', 'ko-KR' -> Korean). */
export function setUiLanguage(setting: 'auto' | UiLanguage, obsidianLanguage: string): void {
	current = setting !== 'auto' ? setting : obsidianLanguage.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function uiLanguage(): UiLanguage {
	return current;
}

/**
 * The text for a key, with `{name}` placeholders filled from vars. With `count: 1`, the key's
 * `.one` form when the language has one ("1 review", not "1 reviews").
 */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
	const template = (vars?.count === 1 ? text(current, `${key}.one`) : undefined) ?? text(current, key) ?? messagesOf('en')[key];
	if (!vars) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A text of the language, from the launch texts when it is one of them (nothing to unpack). */
function text(language: UiLanguage, key: string): string | undefined {
	const launch: Partial<Record<string, string>> = launchMessagesOf(language);
	return launch[key] ?? (messagesOf(language) as Partial<Record<string, string>>)[key];
}
