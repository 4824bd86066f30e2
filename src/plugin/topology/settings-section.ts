/** The diagrams' rows in the settings tab; diagrams on screen redraw when they change. */
import { t } from '../i18n';
import { choiceField, toggleField, wholeNumberCheck, wholeNumberField } from '../settings/fields';
import type { SettingsSection } from '../settings/section';

const AUTO_DRAW_MAX = 100000;

export const diagramSettings: SettingsSection = {
	fields: {
		'diagrams.direction': choiceField(['auto', 'LR', 'TB'], (s) => s.diagrams.direction, (s, v) => (s.diagrams.direction = v)),
		'diagrams.autoDrawLimit': wholeNumberField(1, AUTO_DRAW_MAX, (s) => s.diagrams.autoDrawLimit, (s, v) => (s.diagrams.autoDrawLimit = v)),
		'diagrams.icons': toggleField((s) => s.diagrams.icons, (s, v) => (s.diagrams.icons = v)),
		'diagrams.showLint': toggleField((s) => s.diagrams.showLint, (s, v) => (s.diagrams.showLint = v)),
	},
	items: () => [
		{
			type: 'group',
			heading: t('settings.diagrams.heading'),
			items: [
				{
					name: t('settings.diagrams.direction'),
					desc: t('settings.diagrams.direction.desc'),
					control: {
						type: 'dropdown',
						key: 'diagrams.direction',
						options: { auto: t('settings.diagrams.direction.auto'), LR: t('settings.diagrams.direction.lr'), TB: t('settings.diagrams.direction.tb') },
					},
				},
				{
					name: t('settings.diagrams.autoDrawLimit'),
					desc: t('settings.diagrams.autoDrawLimit.desc'),
					control: { type: 'number', key: 'diagrams.autoDrawLimit', min: 1, max: AUTO_DRAW_MAX, step: 1, validate: wholeNumberCheck(1, AUTO_DRAW_MAX) },
				},
				{ name: t('settings.diagrams.icons'), desc: t('settings.diagrams.icons.desc'), control: { type: 'toggle', key: 'diagrams.icons' } },
				{ name: t('settings.diagrams.showLint'), desc: t('settings.diagrams.showLint.desc'), control: { type: 'toggle', key: 'diagrams.showLint' } },
			],
		},
	],
};
