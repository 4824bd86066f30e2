/** @jest-environment jsdom */
/**
 * The whole review feature inside the real plugin class, over the stand-in app: what onload
 * registers, that the index waits for the layout, that commands work, and that unload saves the
 * last grade and leaves nothing behind.
 */
import { installDomHelpers } from '../../stand-in/dom';
import { App, Keymap, mapStorage, type StandInStorage } from '../../stand-in/obsidian';
import CloudnotesPlugin from '../../../src/plugin/main';
import { emptyReviewData, encodeReviewData } from '../../../src/core/srs/review-data';
import { encodeEntry, headerLine } from '../../../src/core/srs/journal-format';
import { DEFAULT_SCHEDULER_SETTINGS, Scheduler } from '../../../src/core/srs';

installDomHelpers(window);

const MANIFEST = { id: 'cloudnotes', name: 'Cloudnotes', version: '0.1.0', minAppVersion: '1.8.7', description: '', author: '', dir: '.obsidian/plugins/cloudnotes' };
const NOTES: Record<string, string> = {
	'vault:AWS/VPC.md': '# VPC\n\n## Subnet\n\nA range of addresses.\n\n## NAT gateway\n\nOutbound only.\n',
	'vault:Docker/Images.md': '---\ntags: [docker]\n---\n## Image\n\nA read-only template.\n',
};
const REVIEWS = 'adapter:.obsidian/plugins/cloudnotes/reviews.json';
const JOURNAL = 'adapter:.obsidian/plugins/cloudnotes/reviews';

const tick = () => new Promise((r) => setTimeout(r, 0));
const statusEl = () => document.querySelector<HTMLElement>('.cloudnotes-status');

/**
 * Waits by the clock, not by a count of ticks: counts reach the status bar through a 250 ms
 * debounce, which a fast machine does not reach in a fixed number of zero-delay timeouts.
 */
async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
	expect(check()).toBe(true);
}

function press(key: string, code: string): void {
	Keymap.handleKeydown(new KeyboardEvent('keydown', { key, code }));
}

/** Shows the answer of the card on screen and grades it with a digit key (1-4); returns its id. */
async function revealAndGrade(digit: '1' | '2' | '3' | '4'): Promise<string> {
	await waitFor(() => document.querySelector('.cloudnotes-review-front') !== null);
	const id = document.querySelector('.cloudnotes-review-front')!.getAttribute('data-card-id')!;
	press(' ', 'Space');
	await tick();
	press(digit, `Digit${digit}`);
	return id;
}

async function start(storage: StandInStorage = mapStorage({ ...NOTES })) {
	const app = new App(storage);
	document.body.empty();
	document.body.appendChild(app.statusBarEl);
	Keymap.scopes = [];
	const before = { vault: app.vault.listenerCount(), workspace: app.workspace.listenerCount() };
	const plugin = new CloudnotesPlugin(app as never, MANIFEST);
	const read = jest.spyOn(app.vault, 'cachedRead');
	// The stand-in returns onload's promise from load(), so the test can wait for it.
	await Promise.resolve(plugin.load() as unknown);
	return { app, plugin, storage, read, before };
}

describe('registerReview in the plugin', () => {
	test('registers the commands with their released ids, ribbon, status bar, view and settings tab', async () => {
		const { app, plugin } = await start();
		for (const id of ['review-due', 'review-current-note', 'review-deck', 'open-statistics', 'export-review-log']) {
			expect(app.commands.commands[`cloudnotes:${id}`]).toBeDefined();
		}
		expect(app.ribbonEl.querySelector('[aria-label="Review due cards"]')).not.toBeNull();
		expect(statusEl()).not.toBeNull();
		expect(app.viewRegistry.has('cloudnotes-statistics')).toBe(true);
		expect(app.settingTabs).toHaveLength(1);
		plugin.unload();
	});

	test('reads no note in onload; builds the index once the layout is ready', async () => {
		const { app, plugin, read } = await start();
		await tick();
		expect(read).not.toHaveBeenCalled();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		expect(read).toHaveBeenCalledTimes(2);
		plugin.unload();
	});

	test('a grade is in the journal of this device before the next card shows, and unload leaves no listeners', async () => {
		const { app, plugin, storage, before } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		app.commands.executeCommandById('cloudnotes:review-due');
		const id = await revealAndGrade('4');
		await waitFor(() => document.querySelector('.cloudnotes-review-front')?.getAttribute('data-card-id') !== id);
		// The next card is showing: the grade is on disk already, in this device's own journal.
		const device = app.loadLocalStorage('cloudnotes-device-id') as string;
		expect(device).toMatch(/^[a-z0-9]{8,32}$/);
		expect(storage.get(`${JOURNAL}/${device}.000001.jsonl`)).toContain(id);
		plugin.unload();
		expect(app.vault.listenerCount()).toBe(before.vault);
		expect(app.workspace.listenerCount()).toBe(before.workspace);
		expect(statusEl()).toBeNull();
		expect(Object.keys(app.commands.commands)).toEqual([]);

		// Enabled again, the grade is there: one card fewer is due.
		const again = new CloudnotesPlugin(app as never, MANIFEST);
		await Promise.resolve(again.load() as unknown);
		app.workspace.onLayoutReady(() => undefined);
		await waitFor(() => statusEl()?.getAttribute('data-due') === '2');
		again.unload();
	});

	test('after a restart, counts come from the persisted index without reading notes, and a review reads only the notes of the cards it queues', async () => {
		const { app, plugin, storage } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		plugin.unload();
		await waitFor(() => storage.get('adapter:.obsidian/plugins/cloudnotes/card-index-0.json') !== null);

		const restarted = await start(storage);
		restarted.app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		await restarted.plugin.review!.index.ready;
		expect(restarted.read).not.toHaveBeenCalled();
		restarted.app.commands.executeCommandById('cloudnotes:review-due');
		await waitFor(() => document.querySelector('.cloudnotes-review-question')?.textContent === 'Subnet');
		expect(restarted.read.mock.calls.map(([file]) => file.path).sort()).toEqual(['AWS/VPC.md', 'Docker/Images.md']);
		await revealAndGrade('4');
		await waitFor(() => statusEl()?.getAttribute('data-due') === '2');
		restarted.plugin.unload();
	});

	test('after a restart, the review window opens once its first cards are read, and the rest join while it is open', async () => {
		const many: Record<string, string> = {};
		for (let i = 0; i < 15; i++) many[`vault:Notes/n${String(i).padStart(2, '0')}.md`] = `## Question ${i}\n\nAnswer ${i}.\n`;
		const { app, plugin, storage } = await start(mapStorage(many));
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '15');
		plugin.unload();
		await waitFor(() => storage.get('adapter:.obsidian/plugins/cloudnotes/card-index-0.json') !== null);

		const restarted = await start(storage);
		// Reading the later notes takes a while (a slow phone): the window must not wait for them.
		let release!: () => void;
		const slow = new Promise<void>((resolve) => (release = resolve));
		const read = restarted.app.vault.read.bind(restarted.app.vault);
		restarted.read.mockImplementation(async (file) => {
			if (Number(/n(\d+)\.md$/.exec(file.path)?.[1]) >= 10) await slow;
			return read(file);
		});
		restarted.app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '15');
		restarted.app.commands.executeCommandById('cloudnotes:review-due');
		await waitFor(() => document.querySelector('.cloudnotes-review-question')?.textContent === 'Question 0');
		expect(document.querySelector('.cloudnotes-review-progress')?.textContent).toBe('0 / 10');
		release();
		await waitFor(() => restarted.read.mock.calls.length === 15);
		await tick();
		await revealAndGrade('4');
		await waitFor(() => document.querySelector('.cloudnotes-review-progress')?.textContent === '1 / 15');
		restarted.plugin.unload();
	});

	test('a new scan scope in the settings rebuilds the index', async () => {
		const { app, plugin } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		plugin.settings.scan = { mode: 'tags', folders: [], tags: ['docker'] };
		await plugin.saveSettings();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '1');
		plugin.unload();
	});

	test('"Review this note" needs an active Markdown note and reviews it even out of scan scope', async () => {
		const { app, plugin } = await start();
		plugin.settings.scan = { mode: 'folders', folders: ['Docker'], tags: [] };
		// Changed before the layout is ready: the first build already uses it.
		await plugin.saveSettings();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '1');
		const command = app.commands.commands['cloudnotes:review-current-note'];
		expect(command.checkCallback!(true)).toBe(false);
		app.workspace.activeFile = app.vault.getFileByPath('AWS/VPC.md');
		expect(command.checkCallback!(true)).toBe(true);
		app.commands.executeCommandById('cloudnotes:review-current-note');
		await waitFor(() => document.querySelector('.cloudnotes-review-front') !== null);
		expect(document.querySelector('.cloudnotes-review-front')!.getAttribute('data-file')).toBe('AWS/VPC.md');
		expect(document.querySelector('.cloudnotes-review-progress')!.textContent).toBe('0 / 2');
		press('Escape', 'Escape');
		plugin.unload();
	});

	test('a note studied out of scan scope stays indexed (pinned), so its cards are never orphaned, also after a rename', async () => {
		const { app, plugin } = await start();
		plugin.settings.scan = { mode: 'folders', folders: ['Docker'], tags: [] };
		await plugin.saveSettings();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '1');
		app.workspace.activeFile = app.vault.getFileByPath('AWS/VPC.md');
		app.commands.executeCommandById('cloudnotes:review-current-note');
		await waitFor(() => document.querySelector('.cloudnotes-review-front') !== null);
		const id = document.querySelector('.cloudnotes-review-front')!.getAttribute('data-card-id')!;
		press(' ', 'Space');
		await tick();
		press('3', 'Digit3');
		press('Escape', 'Escape');
		const review = plugin.review!;
		await waitFor(() => review.store!.pinned().includes('AWS/VPC.md'));
		// Pins live in this device's journal: another device's settings save cannot drop them.
		expect(plugin.settings.pinnedNotes).toEqual([]);
		await waitFor(() => review.index.index.inFile('AWS/VPC.md').length === 2);
		review.index.reconcileNow();
		expect(review.store!.orphans().has(id)).toBe(false);
		expect(review.store!.stateOf(id)).toBeDefined();

		await app.fileManager.renameFile(app.vault.getFileByPath('AWS/VPC.md')!, 'AWS/Network.md');
		await waitFor(() => review.index.index.inFile('AWS/Network.md').length === 2);
		await waitFor(() => review.store!.pinned().join() === 'AWS/Network.md');
		review.index.reconcileNow();
		const moved = review.index.index.inFile('AWS/Network.md').find((c) => review.store!.stateOf(c.id));
		expect(moved).toBeDefined();
		expect(review.store!.orphans().size).toBe(0);
		plugin.unload();
	});

	test('the journal of another device, copied in by a sync, is taken in before a review opens; this device never writes it', async () => {
		const { app, plugin, storage } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		app.commands.executeCommandById('cloudnotes:review-due');
		const mine = await revealAndGrade('4');
		press('Escape', 'Escape');
		await plugin.review!.store!.loadHistory();

		// Meanwhile the phone graded another card; sync delivers the phone's journal.
		const other = plugin.review!.cards().map((c) => c.id).find((id) => id !== mine)!;
		const later = Date.now() + 1000;
		const scheduler = new Scheduler(DEFAULT_SCHEDULER_SETTINGS);
		const graded = scheduler.grade(undefined, 'easy', new Date(later), other);
		const phoneFile = `${JOURNAL}/phone0000001.000001.jsonl`;
		const phoneText = headerLine('phone0000001', 1) + encodeEntry(1, later, { kind: 'grade', log: graded.log, after: graded.state });
		storage.set(phoneFile, phoneText);

		// Opening a review takes the phone's grade in: one card is left, not two.
		app.commands.executeCommandById('cloudnotes:review-due');
		await waitFor(() => document.querySelector('.cloudnotes-review-progress')?.textContent === '0 / 1');
		await waitFor(() => statusEl()?.getAttribute('data-due') === '1');
		await revealAndGrade('3');
		press('Escape', 'Escape');
		const store = plugin.review!.store!;
		await store.flush();
		expect(store.log().map((e) => e.rating).sort()).toEqual(['easy', 'easy', 'good']);
		expect(store.stateOf(other)).toBeDefined();
		expect(storage.get(phoneFile)).toBe(phoneText);
		plugin.unload();
	});

	test('a device still on the old version keeps writing reviews.json: its new grades are taken in, the file is never written', async () => {
		const { app, plugin, storage } = await start();
		const cardsOf = () => plugin.review!.cards().map((c) => c.id);
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		const [first] = cardsOf();
		const later = Date.now() + 1000;
		const old = emptyReviewData();
		old.states.set(first, { due: later + 30 * 86_400_000, stability: 30, difficulty: 4, elapsedDays: 0, scheduledDays: 30, learningSteps: 0, reps: 1, lapses: 0, state: 'review', lastReview: later });
		old.log.push({ cardId: first, time: later, rating: 'easy', state: 'new', elapsedDays: 0, scheduledDays: 0, due: later, stability: 0, difficulty: 0 });
		const text = encodeReviewData(old, later);
		storage.set(REVIEWS, text);
		await plugin.review!.store!.loadHistory();
		app.commands.executeCommandById('cloudnotes:review-due');
		await waitFor(() => document.querySelector('.cloudnotes-review-progress')?.textContent === '0 / 2');
		expect(storage.get(REVIEWS)).toBe(text);
		expect(storage.get('adapter:.obsidian/plugins/cloudnotes/reviews.before-journal.json')).toBe(text);
		press('Escape', 'Escape');
		plugin.unload();
	});

	test('the statistics view does no work while hidden, and catches up when it is shown again', async () => {
		const { app, plugin } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		app.commands.executeCommandById('cloudnotes:open-statistics');
		await waitFor(() => app.workspace.getLeavesOfType('cloudnotes-statistics').length === 1);
		const view = app.workspace.getLeavesOfType('cloudnotes-statistics')[0].view as unknown as { containerEl: HTMLElement; contentEl: HTMLElement; draw(): void };
		document.body.appendChild(view.containerEl); // the sidebar, on screen
		const summary = () => view.contentEl.querySelector('.cloudnotes-stats-reviews .cloudnotes-stats-summary')?.textContent;
		await waitFor(() => summary() === '0 reviews today');
		const draw = jest.spyOn(view, 'draw');
		view.containerEl.style.display = 'none'; // the sidebar collapsed

		app.commands.executeCommandById('cloudnotes:review-due');
		await revealAndGrade('4');
		press('Escape', 'Escape');
		await waitFor(() => statusEl()?.getAttribute('data-due') === '2');
		await new Promise((r) => setTimeout(r, 400)); // past the view's 300 ms redraw debounce
		expect(draw).not.toHaveBeenCalled();
		expect(summary()).toBe('0 reviews today');

		view.containerEl.style.display = '';
		app.workspace.trigger('layout-change');
		expect(draw).toHaveBeenCalledTimes(1);
		expect(summary()).toBe('1 review today');
		plugin.unload();
	});

	test('export writes the review log as CSV into the vault root and names the file', async () => {
		const { app, plugin } = await start();
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '3');
		app.commands.executeCommandById('cloudnotes:review-due');
		await revealAndGrade('3');
		press('Escape', 'Escape');
		app.commands.executeCommandById('cloudnotes:export-review-log');
		await waitFor(() => app.vault.getFiles().some((f) => f.extension === 'csv'));
		const file = app.vault.getFiles().find((f) => f.extension === 'csv')!;
		expect(file.path).toMatch(/^cloudnotes-review-log-\d{4}-\d{2}-\d{2}\.csv$/);
		const lines = (await app.vault.read(file)).trim().split('\n');
		expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/^h-[0-9a-z]+,\d+,3,0,\d+$/);
		expect(document.querySelector('.notice')!.textContent).toContain(file.path);
		plugin.unload();
	});

	test('"Review deck..." lists folder and tag decks as a tree with new/due counts and reviews the chosen one', async () => {
		const storage = mapStorage({ ...NOTES, 'vault:AWS/Networking/Routes.md': '## Route table\n\nWhere traffic goes. #aws/network\n' });
		const { app, plugin } = await start(storage);
		app.workspace.setLayoutReady();
		await waitFor(() => statusEl()?.getAttribute('data-due') === '4');
		app.commands.executeCommandById('cloudnotes:review-deck');
		await waitFor(() => document.querySelectorAll('.cloudnotes-deck-picker .suggestion-item').length > 0);
		const rows = [...document.querySelectorAll<HTMLElement>('.cloudnotes-deck-item')].map((el) => [
			el.dataset.deckKind,
			el.dataset.depth,
			el.querySelector('.cloudnotes-deck-name span:last-child')!.textContent,
			el.querySelector('.cloudnotes-deck-new')!.textContent,
			el.querySelector('.cloudnotes-deck-due')!.textContent,
		]);
		expect(rows).toEqual([
			['all', '0', 'All notes', '4', '0'],
			['folder', '1', 'AWS', '3', '0'],
			['folder', '2', 'Networking', '1', '0'],
			['folder', '1', 'Docker', '1', '0'],
			['tag', '0', '#aws', '1', '0'],
			['tag', '1', 'network', '1', '0'],
			['tag', '0', '#docker', '1', '0'],
		]);
		document.querySelector<HTMLElement>('.cloudnotes-deck-item[data-deck="AWS"]')!.click();
		await waitFor(() => document.querySelector('.cloudnotes-review-front') !== null);
		expect(document.querySelector('.cloudnotes-review .modal-title')!.textContent).toBe('Review deck: AWS');
		expect(document.querySelector('.cloudnotes-review-progress')!.textContent).toBe('0 / 3');
		press('Escape', 'Escape');
		plugin.unload();
	});
});
