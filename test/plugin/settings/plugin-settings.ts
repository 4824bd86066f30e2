/** Shared by the settings tests: the real plugin over the stand-in app, and the tab's rows. */
import { App, Keymap, mapStorage, type StandInStorage } from '../../stand-in/obsidian';
import CloudnotesPlugin from '../../../src/plugin/main';

export const MANIFEST = { id: 'cloudnotes', name: 'Cloudnotes', version: '0.1.0', minAppVersion: '1.8.7', description: '', author: '', dir: '.obsidian/plugins/cloudnotes' };
export const DATA = '.obsidian/plugins/cloudnotes/data.json';
export const NOTES: Record<string, string> = {
	'vault:AWS/VPC.md': '# VPC\n\n## Subnet\n\nA range of addresses.\n\n## NAT gateway\n\nOutbound only.\n',
	'vault:Docker/Images.md': '---\ntags: [docker]\n---\n## Image\n\nA read-only template.\n',
};

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
	expect(check()).toBe(true);
}

export async function startPlugin(storage: StandInStorage = mapStorage({ ...NOTES })) {
	const app = new App(storage);
	document.body.empty();
	document.body.appendChild(app.statusBarEl);
	Keymap.scopes = [];
	const plugin = new CloudnotesPlugin(app as never, MANIFEST);
	await Promise.resolve(plugin.load() as unknown);
	return { app, plugin, storage };
}

/** What data.json holds now. */
export function stored(storage: StandInStorage): any {
	const text = storage.get(`adapter:${DATA}`);
	return text === null ? null : JSON.parse(text);
}

/** Another device's data.json arriving through a sync: written to disk by someone else than the plugin. */
export async function syncFromOtherDevice(app: App, change: (data: any) => void): Promise<void> {
	const data = JSON.parse(await app.vault.adapter.read(DATA).catch(() => '{}'));
	change(data);
	await app.vault.adapter.write(DATA, JSON.stringify(data));
}

export const statusEl = () => document.querySelector<HTMLElement>('.cloudnotes-status');

/** A row of the open tab by the name a user reads. */
export function row(tabEl: HTMLElement, name: string): HTMLElement {
	const found = [...tabEl.querySelectorAll<HTMLElement>('.setting-item')].find((el) => el.querySelector('.setting-item-name')?.textContent === name);
	if (!found) throw new Error(`no settings row named "${name}"`);
	return found;
}

/** The names of the rows a user sees, headings included, in order. */
export function visibleRowNames(tabEl: HTMLElement): string[] {
	return [...tabEl.querySelectorAll<HTMLElement>('.setting-item')]
		.filter((el) => {
			for (let at: HTMLElement | null = el; at && at !== tabEl; at = at.parentElement) if (at.style.display === 'none') return false;
			return true;
		})
		.map((el) => el.querySelector('.setting-item-name')?.textContent ?? '');
}

export function isOn(rowEl: HTMLElement): boolean {
	return rowEl.querySelector('.checkbox-container')!.classList.contains('is-enabled');
}
