// Scenario 6: the review journal. (a) In Node over the real core: a year of history (86,000 cards,
// 300,000 reviews over 2 devices) in journal segments plus the snapshot the plugin would have
// written, then the timed part: opening the store and counting what is due, as the status bar does
// on start-up; also the whole-history read, a cold start without any snapshot, and the largest file
// written. (b) In headless Chromium on the demo page (its adapter keeps files in localStorage):
// grade-to-durable latency, from recording a grade to its append having resolved.
import { performance } from "node:perf_hooks";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { row, summarize } from "../measure.mjs";
import { launch } from "../browser.mjs";

const DAY = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run studies the same year. */
function random(seed) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A year of study as the two devices' journal files; returns the files and the card ids. Studied day
 * by day as a user would: each day the cards due come first (oldest due first), then new cards, about
 * 820 reviews a day; intervals grow with each good answer and shrink after Again, so at the end only
 * what a daily user leaves for today is due.
 */
export function yearOfHistory(core, { cards = 86_000, reviews = 300_000, now }) {
	const rand = random(20261130);
	const ids = Array.from({ length: cards }, (_, i) => `h-${i.toString(32).padStart(11, "0")}`);
	const states = new Map();
	const devices = ["laptop0001", "phone00001"];
	const out = { laptop0001: [], phone00001: [] };
	const days = 365;
	const start = now - days * DAY;
	const perDay = Math.ceil(reviews / days);
	const newPerDay = Math.ceil(cards / (days * 0.9));
	const dueOn = new Map();
	let introduced = 0;
	let total = 0;
	let carry = [];
	for (let day = 0; day < days && total < reviews; day++) {
		const today = carry.concat(dueOn.get(day) ?? []);
		dueOn.delete(day);
		const todays = [];
		// The last days take up whatever is left, so the year holds exactly `reviews` reviews.
		let budget = Math.min(day === days - 1 ? reviews - total : perDay, reviews - total);
		for (let k = 0; k < newPerDay && budget > 0 && introduced < cards; k++, budget--) todays.push(ids[introduced++]);
		while (budget > 0 && today.length > 0) {
			todays.push(today.shift());
			budget--;
		}
		carry = today;
		const device = devices[rand() < 0.6 ? 0 : 1];
		todays.forEach((id, i) => {
			const t = Math.round(start + day * DAY + 6 * 3_600_000 + i * Math.min(20_000, (12 * 3_600_000) / todays.length));
			const before = states.get(id);
			const rating = rand() < 0.1 ? "again" : rand() < 0.85 ? "good" : "easy";
			const stability = before ? Math.max(1, before.stability * (rating === "again" ? 0.4 : rating === "good" ? 2.5 : 3.5)) : rating === "again" ? 1 : 3;
			const interval = Math.max(1, Math.round(stability));
			const after = { due: t + interval * DAY, stability, difficulty: 5.2, elapsedDays: before ? Math.round((t - before.lastReview) / DAY) : 0, scheduledDays: interval, learningSteps: 0, reps: (before?.reps ?? 0) + 1, lapses: (before?.lapses ?? 0) + (rating === "again" ? 1 : 0), state: "review", lastReview: t, contentHash: "0k2x9c1d4ab" };
			const log = { cardId: id, time: t, rating, state: before?.state ?? "new", elapsedDays: after.elapsedDays, scheduledDays: before?.scheduledDays ?? 0, due: before?.due ?? t, stability: before?.stability ?? 0, difficulty: before?.difficulty ?? 0, durationMs: 3000 + Math.floor(rand() * 9000) };
			states.set(id, after);
			const list = dueOn.get(day + interval) ?? [];
			list.push(id);
			dueOn.set(day + interval, list);
			// One device per day mostly, the other now and then (a phone on the way home).
			out[rand() < 0.85 ? device : devices.find((d) => d !== device)].push({ t, log, after });
			total++;
		});
	}
	const files = new core.MemoryPersistence();
	for (const device of devices) writeJournal(core, files, device, out[device]);
	return { files, ids, devices, total, introduced };
}

function writeJournal(core, files, device, grades, { firstN = 1, firstSegment = 1 } = {}) {
	let segment = firstSegment;
	let text = core.headerLine(device, segment);
	let n = firstN;
	for (const g of grades) {
		const line = core.encodeEntry(n++, g.t, { kind: "grade", log: g.log, after: g.after });
		if (text.length + line.length > core.SEGMENT_LIMIT) {
			files.files.set(core.segmentName(device, segment), text);
			segment++;
			text = core.headerLine(device, segment);
		}
		text += line;
	}
	files.files.set(core.segmentName(device, segment), text);
	return { nextN: n, segment };
}

export async function reviewJournal(core, { runs = 7, warmup = 2, quick = false } = {}) {
	// Start-up happens the next morning, after the tail below.
	const now = Date.UTC(2026, 10, 30, 6);
	const clock = () => now;
	const { files, ids, total, introduced } = yearOfHistory(core, { now });
	if (total !== 300_000 || introduced !== 86_000) throw new Error(`the generated year has ${total} reviews of ${introduced} cards`);
	const cards = ids.map((id) => ({ id, file: `notes/${id}.md`, tags: [] }));
	const settings = core.DEFAULT_SCHEDULER_SETTINGS;
	const rows = [];

	// The snapshot the laptop writes after reading its history.
	let writer = await core.JournalStore.open(files, { device: "laptop0001", now: clock, snapshotEvery: Infinity });
	await writer.loadHistory();
	await writer.writeSnapshot();
	// Since then the phone reviewed 200 more cards (synced in).
	const phoneFiles = [...files.files.keys()].filter((k) => k.startsWith("reviews/phone00001.0")).sort();
	const lastPhone = files.files.get(phoneFiles[phoneFiles.length - 1]);
	const lastN = Number(/"n":(\d+),[^\n]*\n$/.exec(lastPhone)[1]);
	const tail = [];
	for (let i = 0; i < 200; i++) {
		const id = ids[(i * 431) % ids.length];
		const before = writer.stateOf(id);
		const t = now + 60_000 + i * 1000;
		const after = { ...before, due: t + 3 * DAY, lastReview: t, reps: before.reps + 1 };
		tail.push({ t, log: { cardId: id, time: t, rating: "good", state: before.state, elapsedDays: 1, scheduledDays: before.scheduledDays, due: before.due, stability: before.stability, difficulty: before.difficulty }, after });
	}
	writeJournal(core, files, "phone00001", tail, { firstN: lastN + 1, firstSegment: phoneFiles.length + 1 });
	// A fresh start holds nothing of the run that wrote the files.
	writer = null;

	// The next start-up, two hours after the phone's reviews.
	const startAt = now + 2 * 3_600_000;
	const samples = [];
	const cpu = [];
	let due = 0;
	let complete = true;
	for (let i = -warmup; i < runs; i++) {
		global.gc?.();
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		const store = await core.JournalStore.open(files, { device: "laptop0001", now: () => startAt, snapshotEvery: Infinity });
		due = core.buildQueue(cards, store, settings, startAt).dueCount;
		const ms = performance.now() - t0;
		const c = process.cpuUsage(c0);
		complete = store.historyComplete;
		if (i >= 0) {
			samples.push(ms);
			cpu.push((c.user + c.system) / 1000);
		}
	}
	if (complete) throw new Error("the start-up did not use the snapshot");
	rows.push(row(`review journal: start-up, a year (86,000 cards, 300,000 reviews over 2 devices) to first due count (${due} due)`, "ms", summarize(samples), { max: 300 }));
	rows.push(row("review journal: start-up to first due count, CPU time", "ms", summarize(cpu), null));

	if (quick) return rows;
	// Cold: no snapshot yet (the first start after the upgrade on a device that already has a year of journal).
	const cold = [];
	for (let i = 0; i < 2; i++) {
		const copy = new core.MemoryPersistence();
		for (const [k, v] of files.files) if (!k.includes(".snapshot.")) copy.files.set(k, v);
		const t0 = performance.now();
		const store = await core.JournalStore.open(copy, { device: "laptop0001", now: clock, snapshotEvery: Infinity });
		core.buildQueue(cards, store, settings, now);
		cold.push(performance.now() - t0);
	}
	rows.push(row("review journal: start-up without a snapshot, a year (300,000 reviews, 2 devices) to first due count", "ms", summarize(cold), null));

	const history = [];
	for (let i = 0; i < 2; i++) {
		const store = await core.JournalStore.open(files, { device: "laptop0001", now: clock, snapshotEvery: Infinity });
		const t0 = performance.now();
		await store.loadHistory();
		history.push(performance.now() - t0);
	}
	rows.push(row("review journal: reading the whole history after start-up (statistics, CSV export)", "ms", summarize(history), null));

	const sizes = [...files.files.values()].map((text) => Buffer.byteLength(text, "utf8") / 1e6);
	rows.push(row(`review journal: largest file written (${files.files.size} files, ${sizes.reduce((a, b) => a + b, 0).toFixed(1)} MB in all)`, "MB", summarize([Math.max(...sizes)]), { max: 4 }));
	return rows;
}

/** Grade-to-durable on the demo page, whose adapter keeps the plugin's files in localStorage. */
export async function gradeDurable(dir, { grades = 60, warmup = 5 } = {}) {
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
		const page = await context.newPage();
		await page.goto(pathToFileURL(path.join(dir, "index.html")).href);
		await page.waitForFunction(() => window.__demoReady === true, null, { timeout: 120_000 });
		await page.waitForSelector(".cloudnotes-status[data-due]");
		const samples = await page.evaluate(
			async ([count, skip]) => {
				const review = window.__demo.plugin.review;
				const store = review.store;
				const ids = review.cards().map((c) => c.id);
				// The page's clock ticks in 0.1 ms steps (no cross-origin isolation on file://): each sample
				// is 10 grades one after another, each awaited as the review modal awaits it, divided by 10.
				const out = [];
				let k = 0;
				for (let i = 0; i < count + skip; i++) {
					const graded = [];
					for (let j = 0; j < 10; j++, k++) {
						const id = ids[k % ids.length];
						graded.push([id, review.scheduler.grade(store.stateOf(id), "good", new Date(), id)]);
					}
					const t0 = performance.now();
					for (const [id, g] of graded) {
						store.record(id, g.state, g.log);
						await store.flush();
					}
					if (i >= skip) out.push((performance.now() - t0) / 10);
				}
				// The grades really are in localStorage, one line each.
				const lines = Object.keys(localStorage)
					.filter((key) => key.includes("/plugins/cloudnotes/reviews/") && key.endsWith(".jsonl"))
					.reduce((sum, key) => sum + localStorage.getItem(key).split("\n").filter((l) => l.includes('"g":')).length, 0);
				if (lines < k) throw new Error(`only ${lines} of ${k} grades are in localStorage`);
				return out;
			},
			[grades, warmup],
		);
		await context.close();
		return [row("review journal: grade to durable (record to append resolved), demo adapter over localStorage", "ms", summarize(samples), { max: 5 })];
	} finally {
		await browser.close();
	}
}
