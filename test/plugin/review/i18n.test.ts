import { review as en } from '../../../src/plugin/i18n/en/review';
import { review as ko } from '../../../src/plugin/i18n/ko/review';
import { setUiLanguage, t, uiLanguage } from '../../../src/plugin/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('review UI text', () => {
	test('a count of one takes the singular where the language has one', () => {
		setUiLanguage('en', 'en');
		expect(t('stats.reviewedToday', { count: 1 })).toBe('1 review today');
		expect(t('stats.reviewedToday', { count: 2 })).toBe('2 reviews today');
		expect(t('stats.reviewedToday', { count: 0 })).toBe('0 reviews today');
		expect(t('review.finished', { count: 1 })).toBe('Done: 1 card reviewed.');
		setUiLanguage('ko', 'en');
		expect(t('stats.reviewedToday', { count: 1 })).toBe('오늘 복습 1회');
		setUiLanguage('auto', 'en');
	});

	test('every singular form has its plural form beside it', () => {
		for (const key of Object.keys(en)) if (key.endsWith('.one')) expect(Object.keys(en)).toContain(key.slice(0, -4));
	});

	test('English and Korean have the same keys', () => {
		expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
	});

	test('no text is empty, and each Korean text fills the same placeholders as the English one', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(en[key].trim()).not.toBe('');
			expect(ko[key].trim()).not.toBe('');
			expect([key, placeholders(ko[key])]).toEqual([key, placeholders(en[key])]);
		}
	});

	test('Korean text is written in Korean (apart from names, numbers and examples)', () => {
		const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter((key) => ko[key] === en[key] && /[a-z]{3}/i.test(en[key].replace(/\{\w+\}/g, '')));
		expect(untranslated.sort()).toEqual(['settings.sources.calloutExclude.placeholder', 'settings.sources.calloutInclude.placeholder'].sort());
	});

	test('English text is in sentence case', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			const text = en[key];
			// Placeholders are examples; 'review.in' is a fragment set inside another sentence; a
			// text starting with a number ('{count} due') has no first letter to capitalise.
			if (key.endsWith('.placeholder') || key === 'review.in' || !/^[A-Za-z]/.test(text)) continue;
			expect([key, text[0]]).toEqual([key, text[0].toUpperCase()]);
			// No Title Case: a second capitalised word is a proper name we know.
			const words = text.split(/[.:!?]\s+/).flatMap((sentence) => sentence.split(/\s+/).slice(1)).filter((w) => /^[A-Z][a-z]/.test(w));
			for (const word of words) expect(['Obsidian', 'Cloudnotes', 'English', 'Automatic', 'CSV', 'FSRS', 'Spaced', 'Repetition', 'Anki']).toContain(word.replace(/[^A-Za-z]/g, ''));
		}
	});

	test('the language follows the setting, else Obsidian', () => {
		setUiLanguage('auto', 'ko-KR');
		expect(uiLanguage()).toBe('ko');
		expect(t('review.progress', { done: 2, total: 5 })).toBe('2 / 5');
		expect(t('command.reviewDue')).toBe(ko['command.reviewDue']);
		setUiLanguage('en', 'ko');
		expect(t('command.reviewDue')).toBe('Review all due cards');
		setUiLanguage('auto', 'en');
		expect(uiLanguage()).toBe('en');
	});
});
