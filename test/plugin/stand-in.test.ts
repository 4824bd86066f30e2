/** @jest-environment jsdom */
/**
 * The stand-in must behave like Obsidian where our plugin depends on it; these tests say where.
 */
import { installDomHelpers } from '../stand-in/dom';
import { App, Component, MarkdownRenderChild, MarkdownRenderer, Plugin, debounce, mapStorage } from '../stand-in/obsidian';
import { liveRenderChildren, renderMarkdown, SectionRegistry, sweepDetached, type RenderedBlock } from '../stand-in/markdown';

beforeAll(() => installDomHelpers(window));

class Counting extends MarkdownRenderChild {
	unloaded = 0;
	onunload(): void {
		this.unloaded++;
	}
}

describe('obsidian stand-in', () => {
	test('a render child added through the context is unloaded once its element leaves the document, as in Obsidian', async () => {
		const app = new App(mapStorage());
		const children: Counting[] = [];
		app.codeBlockProcessors.set('vpc', [
			(_source, el, ctx) => {
				const child = new Counting(el);
				children.push(child);
				ctx.addChild(child);
			},
		]);
		const host = document.body.createDiv();
		const owner = new Component();
		owner.load();
		await MarkdownRenderer.render(app, '# Note\n\n```vpc\nname: a\n```\n', host, 'n.md', owner);
		expect(children).toHaveLength(1);
		expect(children[0]._loaded).toBe(true);
		host.empty();
		sweepDetached();
		expect(children[0].unloaded).toBe(1);
		expect(liveRenderChildren()).toBe(0);
	});

	test('in the reading view getSectionInfo gives the code block fence lines in the note (0-based)', async () => {
		const app = new App(mapStorage());
		let info: unknown = null;
		app.codeBlockProcessors.set('vpc', [(_s, el, ctx) => void (info = ctx.getSectionInfo(el))]);
		const owner = new Component();
		owner.load();
		await renderMarkdown(app, 'a\nb\n```vpc\nname: x\ncidr: y\n```\n', document.body.createDiv(), 'n.md', owner, { sections: new SectionRegistry() });
		expect(info).toMatchObject({ lineStart: 2, lineEnd: 5 });
	});

	test('MarkdownRenderer.render and note embeds give null section info, as in Obsidian (issue 11)', async () => {
		const app = new App(mapStorage({ 'vault:Other.md': 'x\n```vpc\nname: e\n```\n' }));
		const infos: unknown[] = [];
		app.codeBlockProcessors.set('vpc', [(_s, el, ctx) => void infos.push(ctx.getSectionInfo(el))]);
		const owner = new Component();
		owner.load();
		await MarkdownRenderer.render(app, 'a\n```vpc\nname: x\n```\n', document.body.createDiv(), 'n.md', owner);
		await renderMarkdown(app, '# Host\n\n![[Other]]\n', document.body.createDiv(), 'Host.md', owner, { sections: new SectionRegistry() });
		expect(infos).toEqual([null, null]);
	});

	test('a re-render keeps an unchanged block (no processor run) and its section info follows lines added above (issue 11)', async () => {
		const app = new App(mapStorage());
		const runs: string[] = [];
		const infos: (() => unknown)[] = [];
		app.codeBlockProcessors.set('vpc', [(source, el, ctx) => {
			runs.push(source.trim());
			infos.push(() => ctx.getSectionInfo(el));
		}]);
		const owner = new Component();
		owner.load();
		const sections = new SectionRegistry();
		const host = document.body.createDiv();
		let blocks = new Map<string, RenderedBlock[]>();
		const render = async (text: string) => {
			const rendered = new Map<string, RenderedBlock[]>();
			const previous = [...host.children];
			await renderMarkdown(app, text, host.createDiv(), 'n.md', owner, { sections, reuse: blocks, rendered });
			for (const el of previous) el.remove();
			blocks = rendered;
		};
		await render('a\n```vpc\nname: x\n```\n\n```vpc\nname: y\n```\n');
		expect(runs).toEqual(['name: x', 'name: y']);
		await render('new\nlines\na\n```vpc\nname: x\n```\n\n```vpc\nname: z\n```\n');
		// Only the changed block ran again; the kept one reports where it is now.
		expect(runs).toEqual(['name: x', 'name: y', 'name: z']);
		expect(infos[0]()).toMatchObject({ lineStart: 3, lineEnd: 5 });
		expect(host.querySelectorAll('.block-language-vpc')).toHaveLength(2);
	});

	test('a plugin unload removes what it registered: commands, processors, events, DOM listeners', async () => {
		const app = new App(mapStorage());
		class P extends Plugin {
			onload(): void {
				this.addCommand({ id: 'x', name: 'X', callback: () => undefined });
				this.registerMarkdownCodeBlockProcessor('vpc', () => undefined);
				this.registerEvent(app.workspace.on('css-change', () => undefined));
				this.registerDomEvent(document, 'click', () => undefined);
			}
		}
		const p = new P(app, { id: 'cloudnotes', name: 'C', version: '0', minAppVersion: '0', description: '', author: '' });
		p.load();
		expect(app.commands.commands['cloudnotes:x']).toBeDefined();
		expect(app.processorCount('vpc')).toBe(1);
		expect(app.workspace.listenerCount('css-change')).toBe(1);
		p.unload();
		expect(app.commands.commands['cloudnotes:x']).toBeUndefined();
		expect(app.processorCount('vpc')).toBe(0);
		expect(app.workspace.listenerCount('css-change')).toBe(0);
	});

	test('loadData/saveData round-trip through the adapter in the plugin folder', async () => {
		const storage = mapStorage();
		const app = new App(storage);
		class P extends Plugin {}
		const p = new P(app, { id: 'cloudnotes', name: 'C', version: '0', minAppVersion: '0', description: '', author: '', dir: '.obsidian/plugins/cloudnotes' });
		expect(await p.loadData()).toBeNull();
		await p.saveData({ a: 1 });
		expect(await p.loadData()).toEqual({ a: 1 });
		expect(storage.keys()).toContain('adapter:.obsidian/plugins/cloudnotes/data.json');
	});

	test('debounce runs once with the last arguments, and run() fires at once', () => {
		jest.useFakeTimers();
		const calls: number[] = [];
		const d = debounce((n: number) => calls.push(n), 100, true);
		d(1);
		d(2);
		jest.advanceTimersByTime(150);
		expect(calls).toEqual([2]);
		d(3);
		d.run();
		expect(calls).toEqual([2, 3]);
		jest.useRealTimers();
	});
});
