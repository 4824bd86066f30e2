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

/** A language's text by key (the packed build returns the same object on every call). */
export function messagesOf(language: UiLanguage): Messages {
	return tables[language];
}
