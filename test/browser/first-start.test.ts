/**
 * A first start (no persisted card index) on a slow device: the status bar shows the reviews the
 * journal says are due before the notes are read, then how far reading has come, then the full
 * count. Reads are slowed in the stand-in (standInIo.readLatencyMs), overlapping as a device's do.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';

let browser: Browser;
let demo: DemoPage;
beforeAll(async () => {
	browser = await launchBrowser();
	demo = await openDemo(browser);
});
afterAll(async () => {
	await demo?.context.close();
	await browser?.close();
});

test('due reviews from the journal first, progress while reading, then the count of the built index', async () => {
	const page = demo.page;
	await page.waitForSelector('.cloudnotes-status[data-due]:not([data-from-journal])', { timeout: 60_000 });
	// Three cards due for review in the journal, from three notes.
	const seeded = await page.evaluate(async () => {
		const review = (window as any).__demo.plugin.review;
		await review.index.ready;
		const index = review.index.index;
		const now = Date.now();
		const ids: string[] = [];
		for (const file of index.files()) {
			const card = index.refsInFile(file)[0];
			if (!card || ids.length === 3) continue;
			const state = { due: now - 3_600_000, stability: 4, difficulty: 5, elapsedDays: 4, scheduledDays: 4, learningSteps: 0, reps: 2, lapses: 0, state: 'review', lastReview: now - 4 * 86_400_000 };
			review.store.record(card.id, state, { cardId: card.id, time: now - 4 * 86_400_000, rating: 'good', state: 'learning', elapsedDays: 0, scheduledDays: 4, due: now - 3_600_000, stability: 4, difficulty: 5 });
			ids.push(card.id);
		}
		await review.store.flush();
		return ids.length;
	});
	expect(seeded).toBe(3);

	// Restart without the persisted index, every read taking 40 ms; watch the status bar.
	const seen = await page.evaluate(async () => {
		const harness = (window as any).__demo;
		const standIn = (window as any).CloudnotesStandIn.obsidian;
		await harness.disable();
		await new Promise((r) => setTimeout(r, 100));
		const storage = harness.options.storage;
		for (const key of [...storage.keys()]) if (key.includes('/plugins/cloudnotes/card-index-')) storage.delete(key);
		standIn.standInIo.readLatencyMs = 40;
		const states: { due: string | null; fromJournal: boolean; progress: string | null; text: string }[] = [];
		const observer = new MutationObserver(() => {
			const el = document.querySelector('.cloudnotes-status');
			if (!el || !el.hasAttribute('data-due')) return;
			const s = { due: el.getAttribute('data-due'), fromJournal: el.hasAttribute('data-from-journal'), progress: el.getAttribute('data-progress'), text: el.textContent ?? '' };
			const last = states[states.length - 1];
			if (!last || last.due !== s.due || last.fromJournal !== s.fromJournal || last.progress !== s.progress) states.push(s);
		});
		observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
		await harness.enable();
		await harness.plugin.review.index.ready;
		await new Promise((r) => setTimeout(r, 50));
		observer.disconnect();
		standIn.standInIo.readLatencyMs = 0;
		return states;
	});
	const first = seen[0];
	expect(first).toBeDefined();
	// Before the notes are read: the three reviews the journal holds.
	expect(first.fromJournal).toBe(true);
	expect(first.due).toBe('3');
	const reading = seen.filter((s) => s.fromJournal && s.progress !== null);
	expect(reading.length).toBeGreaterThan(0);
	expect(reading[0].text).toMatch(/3 due, reading notes \d+%/);
	const percents = reading.map((s) => Number(s.progress));
	expect([...percents].sort((a, b) => a - b)).toEqual(percents);
	// Built: the full count (the reviews and the new cards of the example vault), no longer from the journal.
	const last = seen[seen.length - 1];
	expect(last.fromJournal).toBe(false);
	expect(last.progress).toBeNull();
	expect(Number(last.due)).toBeGreaterThan(3);
	expect(await pageErrors(demo)).toEqual([]);
});
