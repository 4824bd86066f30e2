/** The diagrams' rows in the settings tab; diagrams on screen redraw when they change. */
import { Setting } from 'obsidian';
import { t } from '../i18n';
import { parseWholeNumber } from '../settings/parse';
import type { SettingsSection } from '../settings/section';

export const diagramSettings: SettingsSection = {
	display(containerEl, controls) {
		const diagrams = controls.settings.diagrams;
		new Setting(containerEl).setName(t('settings.diagrams.heading')).setHeading();
		new Setting(containerEl)
			.setName(t('settings.diagrams.direction'))
			.setDesc(t('settings.diagrams.direction.desc'))
			.addDropdown((dropdown) =>
				dropdown
					.addOptions({ auto: t('settings.diagrams.direction.auto'), LR: t('settings.diagrams.direction.lr'), TB: t('settings.diagrams.direction.tb') })
					.setValue(diagrams.direction)
					.onChange(async (value) => {
						diagrams.direction = value === 'TB' || value === 'LR' ? value : 'auto';
						await controls.saveNow();
					}),
			);
		new Setting(containerEl)
			.setName(t('settings.diagrams.autoDrawLimit'))
			.setDesc(t('settings.diagrams.autoDrawLimit.desc'))
			.addText((text) => {
				text.inputEl.type = 'number';
				text.inputEl.min = '1';
				text.setValue(String(diagrams.autoDrawLimit)).onChange((value) => {
					const n = parseWholeNumber(value, 1, 100000);
					text.inputEl.toggleClass('cloudnotes-invalid', n === null);
					if (n === null) return;
					diagrams.autoDrawLimit = n;
					controls.saveSoon();
				});
			});
		new Setting(containerEl)
			.setName(t('settings.diagrams.showLint'))
			.setDesc(t('settings.diagrams.showLint.desc'))
			.addToggle((toggle) =>
				toggle.setValue(diagrams.showLint).onChange(async (value) => {
					diagrams.showLint = value;
					await controls.saveNow();
				}),
			);
	},
};
