/**
 * Plugin-wide settings: the UI language. It applies to every feature, so it is set before any
 * feature registers its commands (their names are translated when registered).
 */
import { getLanguage } from 'obsidian';
import type { PluginContext } from '../context';
import { setUiLanguage, t } from '../i18n';
import { choiceField } from './fields';
import type { SettingsSection } from './section';

/** Follows the language setting now and whenever the settings change. */
export function applyUiLanguage(ctx: PluginContext): void {
	setUiLanguage(ctx.settings.language, getLanguage());
	ctx.onSettingsChange(() => setUiLanguage(ctx.settings.language, getLanguage()));
}

export const generalSettings: SettingsSection = {
	items: () => [
		{
			name: t('settings.language'),
			desc: t('settings.language.desc'),
			control: { type: 'dropdown', key: 'language', options: { auto: t('settings.language.auto'), en: 'English', ko: '한국어' } },
		},
	],
	fields: {
		language: choiceField(['auto', 'en', 'ko'], (s) => s.language, (s, v) => (s.language = v), 'text'),
	},
};
