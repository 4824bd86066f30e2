/**
 * The flashcards' rows in the settings tab: the status bar, which notes to scan, which parts of a
 * note make cards, and scheduling. A change to the card settings or the scan scope rebuilds the
 * index (the review feature subscribes to settings changes).
 */
import type { SettingDefinition } from 'obsidian';
import { t, type MessageKey } from '../i18n';
import type { CardSourceSettings, SchedulingSettings } from '../settings';
import { choiceField, sliderField, textField, toggleField, wholeNumberCheck, wholeNumberField } from '../settings/fields';
import { parseHeadingLevels, parseList } from '../settings/parse';
import type { SettingField, SettingsSection } from '../settings/section';
import { calloutTypeName } from './core-settings';
import { folderKey, tagKey } from './scan-scope';

type SourceKey = keyof Pick<CardSourceSettings, 'heading' | 'callout' | 'quote' | 'definition' | 'topology' | 'srSyntax' | 'occlusion' | 'traceDrill'>;
const SOURCES: { key: SourceKey; name: MessageKey; desc: MessageKey }[] = [
	{ key: 'heading', name: 'settings.sources.heading', desc: 'settings.sources.heading.desc' },
	{ key: 'callout', name: 'settings.sources.callout', desc: 'settings.sources.callout.desc' },
	{ key: 'quote', name: 'settings.sources.quote', desc: 'settings.sources.quote.desc' },
	{ key: 'definition', name: 'settings.sources.definition', desc: 'settings.sources.definition.desc' },
	{ key: 'topology', name: 'settings.sources.topology', desc: 'settings.sources.topology.desc' },
	{ key: 'srSyntax', name: 'settings.sources.srSyntax', desc: 'settings.sources.srSyntax.desc' },
	{ key: 'occlusion', name: 'settings.sources.occlusion', desc: 'settings.sources.occlusion.desc' },
	{ key: 'traceDrill', name: 'settings.sources.traceDrill', desc: 'settings.sources.traceDrill.desc' },
];

type LimitKey = keyof Pick<SchedulingSettings, 'maximumInterval' | 'newCardsPerDay' | 'reviewsPerDay'>;
const LIMITS: { key: LimitKey; name: MessageKey; desc: MessageKey; min: number; max: number }[] = [
	{ key: 'maximumInterval', name: 'settings.scheduling.maxInterval', desc: 'settings.scheduling.maxInterval.desc', min: 1, max: 36500 },
	{ key: 'newCardsPerDay', name: 'settings.scheduling.newPerDay', desc: 'settings.scheduling.newPerDay.desc', min: 0, max: 9999 },
	{ key: 'reviewsPerDay', name: 'settings.scheduling.reviewsPerDay', desc: 'settings.scheduling.reviewsPerDay.desc', min: 0, max: 99999 },
];

const fields: Record<string, SettingField> = {
	showStatusBar: toggleField((s) => s.showStatusBar, (s, v) => (s.showStatusBar = v)),
	'scan.mode': choiceField(['all', 'folders', 'tags'], (s) => s.scan.mode, (s, v) => (s.scan.mode = v), 'rows'),
	'scan.folders': textField(
		(s) => s.scan.folders.join('\n'),
		(s, v) => (s.scan.folders = parseList(v).map(folderKey).filter((f) => f.length > 0)),
	),
	'scan.tags': textField(
		(s) => s.scan.tags.join('\n'),
		(s, v) => (s.scan.tags = parseList(v).map(tagKey).filter((tag) => tag.length > 0)),
	),
	'cards.headingLevels': textField((s) => s.cards.headingLevels.join(', '), (s, v) => (s.cards.headingLevels = parseHeadingLevels(v))),
	'cards.calloutInclude': textField((s) => s.cards.calloutInclude.join(', '), (s, v) => (s.cards.calloutInclude = parseList(v).map(calloutTypeName))),
	'cards.calloutExclude': textField((s) => s.cards.calloutExclude.join(', '), (s, v) => (s.cards.calloutExclude = parseList(v).map(calloutTypeName))),
	'scheduling.desiredRetention': sliderField(0.7, 0.99, 0.01, (s) => s.scheduling.desiredRetention, (s, v) => (s.scheduling.desiredRetention = v)),
};
for (const source of SOURCES) {
	fields[`cards.${source.key}`] = toggleField((s) => s.cards[source.key], (s, v) => (s.cards[source.key] = v));
}
fields['cards.topologyCap'] = wholeNumberField(0, 200, (s) => s.cards.topologyCap, (s, v) => (s.cards.topologyCap = v));
for (const limit of LIMITS) {
	fields[`scheduling.${limit.key}`] = wholeNumberField(limit.min, limit.max, (s) => s.scheduling[limit.key], (s, v) => (s.scheduling[limit.key] = v));
}

export const reviewSettings: SettingsSection = {
	fields,
	items: (settings) => [
		{ name: t('settings.statusBar'), desc: t('settings.statusBar.desc'), control: { type: 'toggle', key: 'showStatusBar' } },
		{
			type: 'group',
			heading: t('settings.scope.heading'),
			items: [
				{
					name: t('settings.scope.mode'),
					desc: t('settings.scope.mode.desc'),
					control: { type: 'dropdown', key: 'scan.mode', options: { all: t('settings.scope.all'), folders: t('settings.scope.folders'), tags: t('settings.scope.tags') } },
				},
				{
					name: t('settings.scope.folderList'),
					desc: t('settings.scope.folderList.desc'),
					visible: () => settings().scan.mode === 'folders',
					control: { type: 'textarea', key: 'scan.folders', placeholder: t('settings.scope.folderList.placeholder') },
				},
				{
					name: t('settings.scope.tagList'),
					desc: t('settings.scope.tagList.desc'),
					visible: () => settings().scan.mode === 'tags',
					control: { type: 'textarea', key: 'scan.tags', placeholder: t('settings.scope.tagList.placeholder') },
				},
			],
		},
		{
			type: 'group',
			heading: t('settings.sources.heading.section'),
			items: [
				...SOURCES.map((source): SettingDefinition => ({ name: t(source.name), desc: t(source.desc), control: { type: 'toggle', key: `cards.${source.key}` } })),
				{
					name: t('settings.sources.topologyCap'),
					desc: t('settings.sources.topologyCap.desc'),
					control: { type: 'number', key: 'cards.topologyCap', min: 0, max: 200, step: 1, validate: wholeNumberCheck(0, 200) },
				},
				{ name: t('settings.sources.levels'), desc: t('settings.sources.levels.desc'), control: { type: 'text', key: 'cards.headingLevels', placeholder: '1, 2, 3, 4, 5, 6' } },
				{
					name: t('settings.sources.calloutInclude'),
					desc: t('settings.sources.calloutInclude.desc'),
					control: { type: 'text', key: 'cards.calloutInclude', placeholder: t('settings.sources.calloutInclude.placeholder') },
				},
				{
					name: t('settings.sources.calloutExclude'),
					desc: t('settings.sources.calloutExclude.desc'),
					control: { type: 'text', key: 'cards.calloutExclude', placeholder: t('settings.sources.calloutExclude.placeholder') },
				},
			],
		},
		{
			type: 'group',
			heading: t('settings.scheduling.heading'),
			items: [
				{
					name: t('settings.scheduling.retention'),
					desc: t('settings.scheduling.retention.desc'),
					// The value is shown as text too: versions before 1.13 show a slider's value only while dragging.
					control: { type: 'slider', key: 'scheduling.desiredRetention', min: 0.7, max: 0.99, step: 0.01, displayFormat: (v) => v.toFixed(2) },
				},
				...LIMITS.map((limit): SettingDefinition => ({
					name: t(limit.name),
					desc: t(limit.desc),
					control: { type: 'number', key: `scheduling.${limit.key}`, min: limit.min, max: limit.max, step: 1, validate: wholeNumberCheck(limit.min, limit.max) },
				})),
			],
		},
	],
};
