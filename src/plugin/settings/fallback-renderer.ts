/**
 * Draws declarative settings (Obsidian 1.13's SettingDefinitionItem) with `Setting` rows, for the
 * versions before 1.13 that only call display(). Covers what our sections use: groups with a
 * heading, `visible`, and toggle, dropdown, text, textarea, number and slider controls. Number
 * fields keep what versions before 1.13 always showed: a number input that is marked invalid,
 * and keeps the old value, until the text is a whole number within limits.
 */
import { Setting, type SettingControl, type SettingDefinition, type SettingDefinitionItem } from 'obsidian';
import { parseWholeNumber } from './parse';

export interface ControlBinding {
	value(key: string): unknown;
	change(key: string, value: unknown): void;
}

function shown(visible: boolean | (() => boolean) | undefined): boolean {
	return typeof visible === 'function' ? visible() : visible !== false;
}

export function drawSettings(containerEl: HTMLElement, items: readonly SettingDefinitionItem[], binding: ControlBinding): void {
	for (const item of items) {
		if ('type' in item) {
			// A page needs Obsidian 1.13's navigation; our sections use groups only.
			if (item.type === 'page' || !shown(item.visible)) continue;
			if (item.heading) new Setting(containerEl).setName(item.heading).setHeading();
			drawSettings(containerEl, item.items ?? [], binding);
			continue;
		}
		if (!shown(item.visible)) continue;
		drawRow(containerEl, item, binding);
	}
}

function drawRow(containerEl: HTMLElement, def: SettingDefinition, binding: ControlBinding): void {
	const setting = new Setting(containerEl).setName(def.name);
	if (def.desc !== undefined) setting.setDesc(def.desc);
	if (def.control) drawControl(setting, def.control, binding);
}

function drawControl(setting: Setting, control: SettingControl, binding: ControlBinding): void {
	const { key } = control;
	const value = binding.value(key);
	const change = (v: unknown) => binding.change(key, v);
	switch (control.type) {
		case 'toggle':
			setting.addToggle((toggle) => toggle.setValue(value === true).onChange(change));
			return;
		case 'dropdown':
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options).setValue(String(value)).onChange(change));
			return;
		case 'text':
			setting.addText((text) => text.setPlaceholder(control.placeholder ?? '').setValue(String(value)).onChange(change));
			return;
		case 'textarea':
			setting.addTextArea((text) => text.setPlaceholder(control.placeholder ?? '').setValue(String(value)).onChange(change));
			return;
		case 'number':
			setting.addText((text) => {
				const min = control.min ?? 0;
				const max = control.max ?? Number.MAX_SAFE_INTEGER;
				text.inputEl.type = 'number';
				text.inputEl.min = String(min);
				if (control.max !== undefined) text.inputEl.max = String(max);
				text.setValue(String(value)).onChange((typed) => {
					const n = parseWholeNumber(typed, min, max);
					text.inputEl.toggleClass('cloudnotes-invalid', n === null);
					if (n !== null) change(n);
				});
			});
			return;
		case 'slider': {
			const format = control.displayFormat;
			const valueEl = format ? setting.controlEl.createSpan({ cls: 'cloudnotes-setting-value', text: format(Number(value)) }) : null;
			setting.addSlider((slider) =>
				slider
					.setLimits(control.min, control.max, control.step)
					.setValue(Number(value))
					.onChange((v) => {
						change(v);
						if (valueEl && format) valueEl.setText(format(Number(binding.value(key))));
					}),
			);
			return;
		}
		default:
			// file, folder and color controls exist only from 1.13 on; no section uses them.
			return;
	}
}
