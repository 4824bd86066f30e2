import { buildBenchPage, removePage, launch, openPage } from "./bench/browser.mjs";
import { seedDueReviews, startOnce } from "./bench/scenarios/start-from-cache.mjs";
const dir = await buildBenchPage({ bigVault: true });
const browser = await launch({ extraArgs: ["--js-flags=--expose-gc"] });
try {
	const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
	const { page } = await openPage(context, dir, "vault=big&render=0");
	console.log("seeded", await seedDueReviews(page));
	for (const [kind, lat] of [["cold", 0], ["cold", 2], ["cold", 2]]) {
		const r = await startOnce(page, kind, lat);
		console.log(kind, lat, JSON.stringify(r));
	}
	console.log(await page.evaluate(() => [...window.__demoErrors, ...window.__demo.errors]));
} finally { await browser.close(); await removePage(dir); }
