/**
 * The live side of topology blocks on the demo page: the preview view following the cursor and
 * the typing, the CodeMirror lint extension, the export commands and toolbar menu, clean
 * disable/enable, and the render cost compared with plain mermaid.render (measured and printed,
 * not asserted: timings on shared machines are noise).
 */
import type { Browser } from 'playwright-core';
import { analyzeNote, toMermaid } from '../../src/core/topology';
import { launchBrowser, openDemo, pageErrors, type DemoPage } from './demo-page';
import { createNote, diagramsOf, noteWith, TEST_VPC, waitForDiagrams } from './topology-fixtures';

let browser: Browser;
let demo: DemoPage;
beforeAll(async () => {
	browser = await launchBrowser();
	demo = await openDemo(browser);
	await demo.context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
});
afterAll(async () => {
	await demo?.context.close();
	await browser?.close();
});

/** Shows a note's source with the cursor on a 0-based line (what clicking into the editor does). */
async function putCursor(path: string, line: number): Promise<void> {
	await demo.page.evaluate(([p, l]) => (window as any).__demo.reveal(p, l), [path, line] as const);
	await demo.page.waitForFunction(([p, l]) => {
		const view = (window as any).app.workspace.activeMarkdownView;
		return view?.file?.path === p && view.editor.getValue().length > 0 && view.editor.getCursor().line === l;
	}, [path, line] as const);
}

async function runCommand(id: string): Promise<void> {
	await demo.page.click(`button[data-command-id="${id}"]`);
}

async function notices(): Promise<string[]> {
	return demo.page.evaluate(() => [...(window as any).CloudnotesStandIn.obsidian.shownNotices]);
}

describe('topology preview view', () => {
	test('shows the block under the cursor and follows the typing without going blank', async () => {
		const path = 'Live/preview.md';
		await createNote(demo.page, path, noteWith('vpc', TEST_VPC, 'Preview'));
		await putCursor(path, 6);
		await runCommand('open-topology-preview');
		const preview = '.cloudnotes-preview';
		await demo.page.waitForSelector(`${preview} .cloudnotes-diagram[data-state="ok"] [data-node-id="web-a"]`);
		expect(await demo.page.textContent(`${preview} .cloudnotes-preview-source`)).toContain('line 3');

		// Watch the preview: it must never be without a diagram while it redraws.
		await demo.page.evaluate((sel) => {
			const host = document.querySelector(sel)!;
			(window as any).__previewBlank = 0;
			new MutationObserver(() => {
				if (!host.querySelector('.cloudnotes-diagram')) (window as any).__previewBlank++;
			}).observe(host, { childList: true, subtree: true });
		}, preview);
		// The whole text at once, as a paste would put it, into the note's CodeMirror editor.
		const type = async (text: string) =>
			demo.page.evaluate(([p, t]) => {
				const { EditorView } = (window as any).require('@codemirror/view');
				const view = EditorView.findFromDOM(document.querySelector(`section.demo-note[data-path="${p}"] .demo-editor .cm-editor`));
				// Keep the caret inside the block, where the person is typing.
				const caret = t.split('\n').slice(0, 6).join('\n').length + 1;
				view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, selection: { anchor: caret }, userEvent: 'input.paste' });
			}, [path, text] as const);
		await type(noteWith('vpc', TEST_VPC.replace(/web-a/g, 'web-x'), 'Preview'));
		await demo.page.waitForSelector(`${preview} [data-node-id="web-x"]`);
		expect(await demo.page.locator(`${preview} [data-node-id="web-a"]`).count()).toBe(0);

		// Half-typed YAML: the problems show over the last picture, which stays.
		await type(noteWith('vpc', TEST_VPC.replace('igw\nsubnets:', 'igw\nsubnets: {'), 'Preview'));
		await demo.page.waitForSelector(`${preview} .cloudnotes-error`);
		expect(await demo.page.locator(`${preview} .cloudnotes-viewport.is-stale > svg`).count()).toBe(1);
		expect(await demo.page.evaluate(() => (window as any).__previewBlank)).toBe(0);
		await type(noteWith('vpc', TEST_VPC, 'Preview'));
		await demo.page.waitForSelector(`${preview} .cloudnotes-diagram[data-state="ok"] [data-node-id="web-a"]`);
		await demo.page.waitForSelector(`${diagramsOf(path)}[data-state="ok"]`);
	});
});

describe('editor lint extension', () => {
	test('underlines problems inside topology blocks in a real CodeMirror editor', async () => {
		const note = noteWith('vpc', 'name: v\ncidr: 10.0.0.0/16\nsubnets:\n  a: { cidr: 10.0.1.0/24 }\ninstances:\n  web: { subnet: nowhere }');
		const result = await demo.page.evaluate(async (doc) => {
			const req = (window as any).require;
			const { EditorView } = req('@codemirror/view');
			const { EditorState } = req('@codemirror/state');
			const { forceLinting, diagnosticCount } = req('@codemirror/lint');
			const extensions = (window as any).app.workspace.editorExtensions;
			const parent = document.body.appendChild(document.createElement('div'));
			const view = new EditorView({ state: EditorState.create({ doc, extensions }), parent });
			forceLinting(view);
			for (let i = 0; i < 100 && diagnosticCount(view.state) === 0; i++) await new Promise((r) => setTimeout(r, 50));
			const marked = [...parent.querySelectorAll('.cm-lintRange')].map((e) => e.textContent);
			const count = diagnosticCount(view.state);
			view.destroy();
			parent.remove();
			return { count, marked };
		}, note);
		const expected = analyzeNote(note)[0].analysis.diagnostics;
		expect(result.count).toBe(expected.length);
		expect(result.marked.join(' ')).toContain('nowhere');
	});
});

describe('the demo source editor (CodeMirror 6 with the plugin\'s editor extensions)', () => {
	test('typing a broken CIDR into a block underlines it, and hovering shows the message', async () => {
		const path = 'Live/typing.md';
		const section = `section.demo-note[data-path="${path}"]`;
		await createNote(demo.page, path, noteWith('vpc', TEST_VPC, 'Typing'));
		await demo.page.click(`${section} button[data-demo="edit"]`);
		const line = demo.page.locator(`${section} .demo-editor .cm-line`, { hasText: 'cidr: 10.0.0.0/16' }).first();
		await line.waitFor();
		expect(await demo.page.locator(`${section} .cm-lintRange`).count()).toBe(0);

		// A person at the keyboard: to the end of the line, two backspaces, "99".
		await line.click();
		await demo.page.keyboard.press('End');
		await demo.page.keyboard.press('Backspace');
		await demo.page.keyboard.press('Backspace');
		await demo.page.keyboard.type('99');
		const underline = demo.page.locator(`${section} .cm-lintRange-error`).first();
		await underline.waitFor({ timeout: 10_000 });
		expect(await underline.textContent()).toContain('10.0.0.0/99');

		await underline.hover();
		const tooltip = demo.page.locator('.cm-tooltip-lint').first();
		await tooltip.waitFor({ timeout: 10_000 });
		const text = await tooltip.textContent();
		const expected = analyzeNote(noteWith('vpc', TEST_VPC.replace('10.0.0.0/16', '10.0.0.0/99'), 'Typing'))[0].analysis.diagnostics.find((d) => d.code === 'invalid-cidr');
		expect(expected).toBeDefined();
		expect(text).toContain(expected!.message);
		expect(text).toContain('cloudnotes vpc (invalid-cidr)');

		// The note follows the editor: its reading view shows the same error at the same place.
		await demo.page.waitForSelector(`${diagramsOf(path)} .cloudnotes-lint, ${section} .cloudnotes-error`, { timeout: 10_000 });
		expect(await demo.page.textContent(section)).toContain(`${expected!.line}:${expected!.column}`);

		// Fixed again: the underline goes.
		await demo.page.keyboard.press('Backspace');
		await demo.page.keyboard.press('Backspace');
		await demo.page.keyboard.type('16');
		await demo.page.waitForFunction((sel) => document.querySelectorAll(`${sel} .cm-lintRange-error`).length === 0, section, { timeout: 10_000 });
	});

	test('the editor carries exactly what the plugin registers: disabling the plugin removes the linter, enabling brings it back', async () => {
		const editor = 'section.demo-note[data-path="Live/typing.md"] .demo-editor .cm-editor';
		const count = () =>
			demo.page.evaluate((sel) => {
				const { EditorView } = (window as any).require('@codemirror/view');
				const { diagnosticCount, forceLinting } = (window as any).require('@codemirror/lint');
				const view = EditorView.findFromDOM(document.querySelector(sel));
				forceLinting(view);
				return diagnosticCount(view.state) as number;
			}, editor);
		const until = async (ok: (n: number) => boolean): Promise<number> => {
			let n = await count();
			for (let i = 0; i < 100 && !ok(n); i++) {
				await demo.page.waitForTimeout(100);
				n = await count();
			}
			return n;
		};
		await demo.page.evaluate((sel) => {
			const { EditorView } = (window as any).require('@codemirror/view');
			const view = EditorView.findFromDOM(document.querySelector(sel));
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '# Typing\n\n```vpc\nname: v\ncidr: 10.0.0.0/99\n```\n' } });
		}, editor);
		expect(await until((n) => n > 0)).toBeGreaterThan(0);
		await demo.page.evaluate(() => (window as any).__demo.disable());
		expect(await count()).toBe(0);
		await demo.page.evaluate(() => (window as any).__demo.enable());
		expect(await until((n) => n > 0)).toBeGreaterThan(0);
	});
});

describe('export', () => {
	const path = 'Live/export.md';
	beforeAll(async () => {
		await createNote(demo.page, path, noteWith('vpc', TEST_VPC, 'Export me') + '\nAfter the block.\n');
	});

	test('export-svg saves a standalone SVG in the attachment folder and tells where', async () => {
		await putCursor(path, 8);
		await runCommand('export-svg');
		await demo.page.waitForFunction(() => (window as any).app.vault.getFiles().some((f: any) => f.extension === 'svg'));
		const saved = await demo.page.evaluate(async () => {
			const app = (window as any).app;
			const file = app.vault.getFiles().find((f: any) => f.extension === 'svg');
			const text: string = await app.vault.read(file);
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			return { path: file.path as string, ok: !doc.querySelector('parsererror'), root: doc.documentElement.localName, width: doc.documentElement.getAttribute('width'), text };
		});
		expect(saved.path).toBe('Live/attachments/export - vpc test-vpc.svg');
		expect(saved.ok).toBe(true);
		expect(saved.root).toBe('svg');
		expect(Number(saved.width)).toBeGreaterThan(100);
		expect(saved.text).toContain('web-a');
		expect(saved.text).not.toMatch(/\son\w+=/i);
		// The notice comes after the clipboard write settles (a link on the clipboard, or offered to copy).
		await demo.page.waitForFunction((p) => (window as any).CloudnotesStandIn.obsidian.shownNotices.some((n: string) => n.includes(p)), saved.path);
		expect((await notices()).some((n) => n.includes(saved.path))).toBe(true);
	});

	test('insert-mermaid-block writes a plain mermaid block after the source block, once', async () => {
		await putCursor(path, 5);
		await runCommand('insert-mermaid-block');
		const read = () => demo.page.evaluate(async (p) => {
			const app = (window as any).app;
			return (await app.vault.read(app.vault.getFileByPath(p))) as string;
		}, path);
		await demo.page.waitForFunction(async (p) => {
			const app = (window as any).app;
			return ((await app.vault.read(app.vault.getFileByPath(p))) as string).includes('```mermaid');
		}, path);
		const once = await read();
		const expectedText = toMermaid(analyzeNote(noteWith('vpc', TEST_VPC))[0].analysis.model!).text;
		expect(once).toContain('```\n\n```mermaid\n' + expectedText.trimEnd() + '\n```\n');
		expect(once.indexOf('```mermaid')).toBeGreaterThan(once.indexOf('```vpc'));
		expect(once.trimEnd().endsWith('After the block.')).toBe(true);

		await putCursor(path, 5);
		const before = (await notices()).length;
		await runCommand('insert-mermaid-block');
		await demo.page.waitForFunction((n) => (window as any).CloudnotesStandIn.obsidian.shownNotices.length > n, before);
		const twice = await read();
		expect(twice.match(/```mermaid/g)).toHaveLength(1);
		await waitForDiagrams(demo.page, path, 1);
	});

	test('copy-mermaid copies the text, and the toolbar menu offers the same three actions', async () => {
		await putCursor(path, 5);
		const before = (await notices()).length;
		await runCommand('copy-mermaid');
		await demo.page.waitForFunction((n) => (window as any).CloudnotesStandIn.obsidian.shownNotices.length > n, before);
		const clip = await demo.page.evaluate(() => navigator.clipboard.readText().catch(() => null));
		if (clip !== null) expect(clip.startsWith('flowchart')).toBe(true);

		await demo.page.click(`${diagramsOf(path)} button[data-action="export"]`);
		const items = await demo.page.locator('.menu .menu-item').allTextContents();
		expect(items).toHaveLength(3);
		await demo.page.locator('.menu .menu-item').first().click();
		expect(await demo.page.locator('.menu').count()).toBe(0);
	});

	test('commands outside a block say what to do', async () => {
		await putCursor(path, 0);
		const before = (await notices()).length;
		await runCommand('copy-mermaid');
		await demo.page.waitForFunction((n) => (window as any).CloudnotesStandIn.obsidian.shownNotices.length > n, before);
		expect((await notices()).at(-1)).toMatch(/cursor in a topology block \(vpc, containers, cloudformation, kubernetes/);
	});
});

describe('size limits', () => {
	test('a block over the limit shows a clear message instead of a diagram, and its lint still shows', async () => {
		const groups = Array.from({ length: 1001 }, (_, i) => `  sg-${i}: { inbound: ["tcp 443 from 10.0.0.0/16"] }`).join('\n');
		const note = noteWith('vpc', `name: huge\ncidr: 10.0.0.0/16\nsecurity-groups:\n${groups}`);
		const expected = analyzeNote(note)[0].analysis;
		expect(expected.diagnostics.some((d) => d.code === 'too-large')).toBe(true);
		await createNote(demo.page, 'Live/huge.md', note);
		const sel = diagramsOf('Live/huge.md');
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('too-large');
		expect(await demo.page.locator(`${sel} .cloudnotes-limit`).count()).toBe(1);
		expect(await demo.page.locator(`${sel} svg`).count()).toBe(0);
		const lint = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} .cloudnotes-lint-item`)].map((li) => li.getAttribute('data-code')), sel);
		expect(lint).toEqual(expected.diagnostics.map((d) => d.code));
		expect(lint).toContain('too-large');
	});

	test('a 500-resource block shows its checks at once and waits for a click to draw (issue 8)', async () => {
		// 20 subnets over two zones, 30 security groups, 450 instances: 500 resources that lint clean.
		const subnets = Array.from({ length: 20 }, (_, i) => `  s${i}: { cidr: 10.0.${i}.0/24, zone: z${i % 2} }`).join('\n');
		const groups = Array.from({ length: 30 }, (_, i) => `  g${i}: { inbound: ["tcp 443 from ${i === 0 ? '10.0.0.0/16' : 'g' + String(i - 1)}"] }`).join('\n');
		const instances = Array.from({ length: 450 }, (_, i) => `  i${i}: { subnet: s${i % 20}, security-groups: [g${i % 30}] }`).join('\n');
		const note = noteWith('vpc', `name: big\ncidr: 10.0.0.0/16\nsubnets:\n${subnets}\nsecurity-groups:\n${groups}\ninstances:\n${instances}`);
		const expected = analyzeNote(note)[0].analysis;
		expect(expected.resources.filter((r) => r.type !== 'vpc' && r.type !== 'internet').length).toBeGreaterThanOrEqual(500);
		expect(expected.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		await createNote(demo.page, 'Live/big.md', note);
		const sel = diagramsOf('Live/big.md');
		// Mermaid lays a diagram out in one uninterruptible piece (about 7 s for this block here), so a
		// block over the automatic limit waits for a click; its checks show at once.
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('large');
		expect(await demo.page.locator(`${sel} button.cloudnotes-draw-large`).count()).toBe(1);
		expect(await demo.page.locator(`${sel} .cloudnotes-lint`).count()).toBe(1);
		// How long the page is held while this happens is a bench row (bench/scenarios/long-task.mjs,
		// budget 200 ms): a shared machine's timings do not belong in a test.
	});

	test('a block over the automatic drawing limit draws when the person asks', async () => {
		await demo.page.evaluate(() => ((window as any).__demo.plugin.settings.diagrams.autoDrawLimit = 3));
		try {
			// A source of its own: a block already drawn comes from the cache whatever its size.
			await createNote(demo.page, 'Live/over-limit.md', noteWith('vpc', `${TEST_VPC}\n# over the limit\n`));
			const sel = diagramsOf('Live/over-limit.md');
			expect(await demo.page.getAttribute(sel, 'data-state')).toBe('large');
			expect(await demo.page.locator(`${sel} svg`).count()).toBe(0);
			await demo.page.click(`${sel} button.cloudnotes-draw-large`);
			await demo.page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-state') === 'ok', sel, { timeout: 60_000 });
			expect(await demo.page.locator(`${sel} svg [data-node-id]`).count()).toBeGreaterThan(3);
		} finally {
			await demo.page.evaluate(() => ((window as any).__demo.plugin.settings.diagrams.autoDrawLimit = 80));
		}
	});
});

describe('big diagrams', () => {
	test('a block whose readable Mermaid text is over Mermaid\'s cap draws with short ids, and every resource still gets its data-node-id', async () => {
		const long = 'payment-gateway-application-server-'.repeat(4);
		const subnets = Array.from({ length: 6 }, (_, i) => `  app-${i}: { cidr: 10.0.${i}.0/24, zone: z${i % 2} }`).join('\n');
		const instances = Array.from({ length: 150 }, (_, i) => `  ${long}${i}: { subnet: app-${i % 6}, security-groups: [app-sg] }`).join('\n');
		const source = `name: long\ncidr: 10.0.0.0/16\nsubnets:\n${subnets}\nsecurity-groups:\n  app-sg: { inbound: ["tcp 443 from 10.0.0.0/16"] }\ninstances:\n${instances}`;
		const note = noteWith('vpc', source);
		const model = analyzeNote(note)[0].analysis.model!;
		const diagram = toMermaid(model);
		expect(diagram.nodes.every((n) => /^h[0-9a-z]+/.test(n.mermaidId))).toBe(true);
		const names = diagram.nodes.map((n) => n.resource);
		await createNote(demo.page, 'Live/long-names.md', note);
		const sel = diagramsOf('Live/long-names.md');
		expect(await demo.page.getAttribute(sel, 'data-state')).toBe('large');
		await demo.page.click(`${sel} button.cloudnotes-draw-large`);
		await demo.page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-state') === 'ok', sel, { timeout: 90_000 });
		const drawn = await demo.page.evaluate((s) => [...document.querySelectorAll(`${s} svg [data-node-id]`)].map((el) => el.getAttribute('data-node-id')), sel);
		expect(drawn.sort()).toEqual([...names].sort());
	});
});

describe('lifecycle', () => {
	test('disable removes every diagram, processor, command and extension; enable brings them back', async () => {
		const count = () => demo.page.evaluate(() => (window as any).__demo.counts());
		const enable = async () => {
			await demo.page.evaluate(() => (window as any).__demo.enable());
			await waitForDiagrams(demo.page, 'Live/export.md', 1);
		};
		try {
			await demo.page.evaluate(() => (window as any).__demo.disable());
			const off = await count();
			expect(off.processorsVpc).toBe(0);
			expect(off.processorsContainers).toBe(0);
			expect(off.editorExtensions).toBe(0);
			expect(await demo.page.locator('.demo-notes .cloudnotes-diagram').count()).toBe(0);
			await enable();
			await demo.page.evaluate(() => (window as any).__demo.disable());
			expect(await count()).toEqual(off);
		} finally {
			await enable();
		}
		expect(await pageErrors(demo)).toEqual([]);
	});
});

describe('render cost', () => {
	test('measures a ~20-resource VPC: plain mermaid.render vs the whole block render, and a cached re-render', async () => {
		const analysis = analyzeNote(noteWith('vpc', TEST_VPC))[0].analysis;
		expect(analysis.resources.length).toBeGreaterThanOrEqual(18);
		const text = toMermaid(analysis.model!).text;
		const runs = 7;
		// Plain Mermaid as anyone would show it: render, parse, put in the page. Interleaved with
		// the block renders so both meet the same page state.
		const plainOnce = (i: number): Promise<number> =>
			demo.page.evaluate(async ([t, n]) => {
				const mermaid = (window as any).mermaid;
				const host = document.querySelector('.demo-notes')!.appendChild(document.createElement('div'));
				const t0 = performance.now();
				const { svg } = await mermaid.render(`perf-plain-${n}`, t);
				host.appendChild(document.importNode(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement, true));
				const ms = performance.now() - t0;
				host.remove();
				return ms;
			}, [text, i] as const);
		await plainOnce(-1);
		await plainOnce(-2);
		const plain: number[] = [];
		const block: number[] = [];
		const cached: number[] = [];
		for (let i = 0; i < runs; i++) {
			plain.push(await plainOnce(i));
			const path = `Perf/run-${i}.md`;
			// A comment changes the source (a cache miss) without changing the diagram.
			const note = noteWith('vpc', `${TEST_VPC}\n# run ${i}`);
			await createNote(demo.page, path, note);
			block.push(Number(await demo.page.getAttribute(diagramsOf(path), 'data-render-ms')));
			// Re-render the note afresh (as reopening it does): an unchanged block saved again is
			// not re-rendered at all, in Obsidian and the stand-in alike.
			await demo.page.evaluate((p) => (window as any).__demo.renderNote(p), path);
			await waitForDiagrams(demo.page, path, 1);
			expect(await demo.page.getAttribute(diagramsOf(path), 'data-cache')).toBe('hit');
			cached.push(Number(await demo.page.getAttribute(diagramsOf(path), 'data-render-ms')));
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const figures = { resources: analysis.resources.length, plainMs: median(plain), blockMs: median(block), overhead: `${Math.round((median(block) / median(plain) - 1) * 100)}%`, cachedMs: median(cached) };
		console.log(`topology render cost (median of ${runs}): ${JSON.stringify(figures)}`);
		expect(block.every((ms) => ms > 0)).toBe(true);
	});
});
