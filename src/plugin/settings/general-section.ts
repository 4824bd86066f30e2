/**
 * Plugin-wide settings: the UI language. It applies to every feature, so it is set before any
 * feature registers its commands (their names are translated when registered).
 */
import { Setting, getLanguage } from 'obsidian';
import type { PluginContext } from '../context';
import { setUiLanguage, t } from '../i18n';
import type { LanguageSetting } from './index';
import type { SettingsSection } from './section';

/** Follows the language setting now and whenever the settings change. */
export function applyUiLanguage(ctx: PluginContext): void {
	setUiLanguage(ctx.settings.language, getLanguage());
	ctx.onSettingsChange(() => setUiLanguage(ctx.settings.language, getLanguage()));
}

export const generalSettings: SettingsSection = {
	display(containerEl, controls) {
		const settings = controls.settings;
		new Setting(containerEl)
			.setName(t('settings.language'))
			.setDesc(t('settings.language.desc'))
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ auto: t('settings.language.auto'), en: 'English', ko: '한국어' })
					.setValue(settings.language)
					.onChange(async (value) => {
						settings.language = value as LanguageSetting;
						await controls.saveNow();
						controls.redraw();
					}),
			);
	},
};
