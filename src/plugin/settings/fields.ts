/** Fields for the usual controls, checking the value's type before it reaches the settings. */
import { t } from '../i18n';
import type { CloudnotesSettings } from './index';
import type { SettingField } from './section';

type Get<T> = (settings: CloudnotesSettings) => T;
type Set<T> = (settings: CloudnotesSettings, value: T) => void;

export function toggleField(get: Get<boolean>, set: Set<boolean>): SettingField {
	return { get, set: (s, v) => typeof v === 'boolean' && (set(s, v), true), save: 'now' };
}

export function choiceField<T extends string>(choices: readonly T[], get: Get<T>, set: Set<T>, affects?: SettingField['affects']): SettingField {
	const isChoice = (v: unknown): v is T => typeof v === 'string' && (choices as readonly string[]).includes(v);
	return { get, set: (s, v) => isChoice(v) && (set(s, v), true), save: 'now', affects };
}

/** Free text read into a value (a list, levels) on every key; the text typed stays as typed. */
export function textField(get: Get<string>, set: Set<string>): SettingField {
	return { get, set: (s, v) => typeof v === 'string' && (set(s, v), true), save: 'soon' };
}

/** A whole number within limits (number inputs); anything else is refused and the old value stays. */
export function wholeNumberField(min: number, max: number, get: Get<number>, set: Set<number>): SettingField {
	return { get, set: (s, v) => isWholeNumberIn(v, min, max) && (set(s, v), true), save: 'soon' };
}

/** A number from a slider, rounded to its step. */
export function sliderField(min: number, max: number, step: number, get: Get<number>, set: Set<number>): SettingField {
	return {
		get,
		set: (s, v) => {
			if (typeof v !== 'number' || !Number.isFinite(v)) return false;
			const rounded = Math.round(Math.min(max, Math.max(min, v)) / step) * step;
			set(s, Number(rounded.toFixed(6)));
			return true;
		},
		save: 'soon',
	};
}

export function isWholeNumberIn(v: unknown, min: number, max: number): v is number {
	return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** For Obsidian's number control: "A whole number from 1 to 36500." when the value is not one. */
export function wholeNumberCheck(min: number, max: number): (value: number) => string | undefined {
	return (value) => (isWholeNumberIn(value, min, max) ? undefined : t('settings.number.invalid', { min, max }));
}
