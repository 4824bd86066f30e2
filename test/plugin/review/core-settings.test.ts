import { DEFAULT_CARD_SETTINGS } from '../../../src/core/cards';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../../src/core/srs';
import { cardSettingsOf, calloutTypeName, schedulerSettingsOf } from '../../../src/plugin/review/core-settings';
import { hasTag, inFolder, inScanScope, pathMayBeInScope } from '../../../src/plugin/review/scan-scope';
import { parseHeadingLevels, parseList, parseWholeNumber } from '../../../src/plugin/settings/parse';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/plugin/settings';

describe('plugin settings -> core settings', () => {
	test('the default plugin settings give the core defaults', () => {
		expect(cardSettingsOf(DEFAULT_SETTINGS.cards)).toEqual(DEFAULT_CARD_SETTINGS);
		expect(schedulerSettingsOf(DEFAULT_SETTINGS.scheduling)).toEqual(DEFAULT_SCHEDULER_SETTINGS);
	});

	test('sources, levels and callout types map one to one, tidied', () => {
		const cards = {
			heading: false,
			callout: true,
			quote: false,
			definition: true,
			topology: false,
			srSyntax: false,
			occlusion: true,
			traceDrill: false,
			topologyCap: 7.6,
			headingLevels: [4, 2, 2, 9, 0],
			calloutInclude: ['[!Tip]', ' note '],
			calloutExclude: ['TODO', ''],
		};
		expect(cardSettingsOf(cards)).toEqual({
			headingLevels: [2, 4],
			sources: { heading: false, callout: true, quote: false, definition: true, topology: false, flashcard: false, cloze: false, occlusion: true, 'trace-drill': false },
			calloutTypes: { include: ['tip', 'note'], exclude: ['todo'] },
			srSyntax: null,
			topologyCap: 8,
		});
		expect(calloutTypeName('[!Question]')).toBe('question');
	});

	test('scheduler settings are clamped into what FSRS accepts', () => {
		expect(schedulerSettingsOf({ desiredRetention: 1.5, maximumInterval: 0, newCardsPerDay: -3, reviewsPerDay: 50.4 })).toEqual({
			desiredRetention: 0.99,
			maximumInterval: 1,
			newCardsPerDay: 0,
			reviewsPerDay: 50,
		});
		expect(schedulerSettingsOf({ desiredRetention: 0.5, maximumInterval: 365, newCardsPerDay: 10, reviewsPerDay: 100 }).desiredRetention).toBe(0.7);
	});

	test('stored settings from an older version keep their values and gain the new keys', () => {
		const settings = readSettings({ scan: { mode: 'folders', folders: ['AWS'] }, scheduling: { desiredRetention: 0.85 }, unknown: 1 });
		expect(settings.scan).toEqual({ mode: 'folders', folders: ['AWS'], tags: [] });
		expect(schedulerSettingsOf(settings.scheduling)).toEqual({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.85 });
	});
});

describe('scan scope', () => {
	test('folders include their subfolders, not look-alike siblings', () => {
		expect(inFolder('AWS/Networking/VPC.md', 'AWS')).toBe(true);
		expect(inFolder('AWS/VPC.md', '/AWS/')).toBe(true);
		expect(inFolder('AWS-old/VPC.md', 'AWS')).toBe(false);
		expect(pathMayBeInScope('Labs/x.md', { mode: 'folders', folders: ['AWS', 'Labs'], tags: [] })).toBe(true);
		expect(pathMayBeInScope('Diary.md', { mode: 'folders', folders: ['AWS'], tags: [] })).toBe(false);
	});

	test('tags match case-insensitively, with or without #, nested tags included', () => {
		expect(hasTag(['AWS/VPC'], '#aws')).toBe(true);
		expect(hasTag(['awsome'], 'aws')).toBe(false);
		expect(inScanScope('x.md', ['docker'], { mode: 'tags', folders: [], tags: ['aws', 'Docker'] })).toBe(true);
		expect(inScanScope('x.md', [], { mode: 'tags', folders: [], tags: ['aws'] })).toBe(false);
	});

	test('an empty folder or tag list means every note', () => {
		expect(inScanScope('x.md', [], { mode: 'folders', folders: [], tags: [] })).toBe(true);
		expect(inScanScope('x.md', [], { mode: 'tags', folders: [], tags: [''] })).toBe(true);
		expect(inScanScope('x.md', [], { mode: 'all', folders: ['AWS'], tags: ['aws'] })).toBe(true);
	});
});

describe('settings tab input parsing', () => {
	test('lists split on lines and commas, trimmed, without repeats', () => {
		expect(parseList('AWS\n Labs , AWS\n\n')).toEqual(['AWS', 'Labs']);
	});
	test('heading levels keep 1-6 only, sorted', () => {
		expect(parseHeadingLevels('4, 2 2,9 x 1')).toEqual([1, 2, 4]);
	});
	test('numbers must be whole and within limits', () => {
		expect(parseWholeNumber(' 30 ', 0, 100)).toBe(30);
		expect(parseWholeNumber('3.5', 0, 100)).toBeNull();
		expect(parseWholeNumber('101', 0, 100)).toBeNull();
		expect(parseWholeNumber('', 0, 100)).toBeNull();
	});
});
