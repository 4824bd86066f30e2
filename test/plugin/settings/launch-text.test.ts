/** @jest-environment jsdom */
/**
 * Issue 27: onload shows only texts main.js keeps plain (i18n/tables.ts LAUNCH_KEYS), so a launch
 * never unpacks the UI text; a command added without its key there would unpack it on every start.
 */
const unpacked: string[] = [];
jest.mock('../../../src/plugin/i18n/tables', () => {
	const real = jest.requireActual<typeof import('../../../src/plugin/i18n/tables')>('../../../src/plugin/i18n/tables');
	const launch = (language: 'en' | 'ko') => Object.fromEntries(real.LAUNCH_KEYS.map((key) => [key, real.messagesOf(language)[key]]));
	return {
		...real,
		launchMessagesOf: launch,
		messagesOf: (language: 'en' | 'ko') => {
			unpacked.push(language);
			return real.messagesOf(language);
		},
	};
});
import { installDomHelpers } from '../../stand-in/dom';
import { mapStorage } from '../../stand-in/obsidian';
import { uiLanguage } from '../../../src/plugin/i18n';
import { DATA, NOTES, startPlugin } from './plugin-settings';

installDomHelpers(window);

test.each(['en', 'ko'] as const)('the plugin loads in %s without unpacking its UI text', async (language) => {
	unpacked.length = 0;
	const { plugin } = await startPlugin(mapStorage({ ...NOTES, [`adapter:${DATA}`]: JSON.stringify({ language }) }));
	expect(uiLanguage()).toBe(language);
	expect(unpacked).toEqual([]);
	plugin.unload();
});
