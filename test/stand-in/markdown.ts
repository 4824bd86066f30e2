/**
 * The stand-in's Markdown renderer: enough of Obsidian's reading view to show study notes in the
 * demo and in tests (headings, paragraphs, lists, blockquotes, callouts, code, images as their alt
 * text), and, what matters to us, registered code block processors run with a context whose
 * addChild/getSectionInfo behave as Obsidian's do. Text is always set as text, never as HTML.
 */
import { parse as parseYaml } from 'yaml';
import type { App, Component, MarkdownPostProcessorContext, MarkdownRenderChild, MarkdownSectionInformation } from './obsidian';

const tracked = new Set<{ child: MarkdownRenderChild; owner: Component }>();
let observer: MutationObserver | null = null;

/** Obsidian unloads a render child once its containerEl leaves the document; so do we. */
function track(child: MarkdownRenderChild, owner: Component): void {
	tracked.add({ child, owner });
	if (!observer && typeof MutationObserver !== 'undefined') {
		observer = new MutationObserver(() => sweepDetached());
		observer.observe(document.documentElement, { childList: true, subtree: true });
	}
}

export function sweepDetached(): void {
	for (const entry of [...tracked]) {
		if (!entry.child.containerEl.isConnected) {
			tracked.delete(entry);
			entry.owner.removeChild(entry.child);
		} else if (!entry.child._loaded) {
			tracked.delete(entry);
		}
	}
}

/** Stand-in only: how many render children are alive (the lifecycle test counts leaks). */
export function liveRenderChildren(): number {
	sweepDetached();
	return tracked.size;
}

interface Section {
	lineStart: number;
	lineEnd: number;
}

/**
 * A reading view's live sections: the note's text as last rendered and each section element's
 * lines. getSectionInfo reads it when called, so a block kept across re-renders reports the lines
 * it has now, as Obsidian's does.
 */
export class SectionRegistry {
	text = '';
	readonly lines = new WeakMap<HTMLElement, Section>();
}

/** A code block section of the previous render, kept when its fence and source are unchanged. */
export interface RenderedBlock {
	sectionEl: HTMLElement;
	blockEl: HTMLElement;
}

export interface RenderOptions {
	/**
	 * The reading view's sections. Null for rendered fragments (MarkdownRenderer.render, embeds):
	 * there getSectionInfo returns null, as in Obsidian.
	 */
	sections: SectionRegistry | null;
	/**
	 * Code blocks of the previous render by fence line + source. Obsidian re-renders only the
	 * sections whose text changed: an unchanged block is moved, not re-rendered, and its
	 * processors do not run again, even when lines above it were added or removed.
	 */
	reuse?: Map<string, RenderedBlock[]>;
	/** Filled with this render's code blocks (the next render's `reuse`). */
	rendered?: Map<string, RenderedBlock[]>;
	/** Inside a callout or blockquote: the enclosing section's lines stand for every element in it. */
	enclosing?: Section;
}

export async function renderMarkdown(app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component, options: RenderOptions = { sections: null }): Promise<void> {
	const lines = markdown.split(/\r?\n/);
	const registry = options.sections;
	if (registry && !options.enclosing) registry.text = markdown;
	const place = (target: HTMLElement, section: Section): void => {
		registry?.lines.set(target, options.enclosing ?? section);
	};
	let frontmatter: unknown = null;
	const ctx = (sectionEl: HTMLElement): MarkdownPostProcessorContext => ({
		docId: sourcePath + ':' + Math.random().toString(36).slice(2),
		sourcePath,
		frontmatter,
		addChild(child: MarkdownRenderChild) {
			component.addChild(child);
			track(child, component);
		},
		getSectionInfo(target: HTMLElement): MarkdownSectionInformation | null {
			if (!registry) return null;
			const s = registry.lines.get(target) ?? registry.lines.get(sectionEl);
			return s ? { text: registry.text, ...s } : null;
		},
	});
	const pending: Promise<unknown>[] = [];
	let i = 0;
	if (lines[0] === '---') {
		const end = lines.indexOf('---', 1);
		if (end > 0) {
			try {
				frontmatter = parseYaml(lines.slice(1, end).join('\n'));
			} catch {
				frontmatter = null;
			}
			i = end + 1;
		}
	}
	while (i < lines.length) {
		const line = lines[i] ?? '';
		const fence = /^(\s{0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
		if (fence) {
			const marker = fence[2];
			const lang = (fence[3] ?? '').toLowerCase();
			let end = i + 1;
			while (end < lines.length && !(lines[end].trim().startsWith(marker[0].repeat(marker.length)) && lines[end].trim().replace(new RegExp(`^\\${marker[0]}+`), '') === '')) end++;
			const source = lines.slice(i + 1, end).join('\n');
			const section = { lineStart: i, lineEnd: Math.min(end, lines.length - 1) };
			const processors = app.codeBlockProcessors.get(lang) ?? [];
			const key = `${line}\n${source}`;
			const kept = processors.length > 0 ? options.reuse?.get(key)?.shift() : undefined;
			if (kept) {
				el.appendChild(kept.sectionEl);
				place(kept.sectionEl, section);
				place(kept.blockEl, section);
				options.rendered?.set(key, [...(options.rendered.get(key) ?? []), kept]);
				i = end + 1;
				continue;
			}
			const sectionEl = el.createDiv({ cls: 'el-pre' });
			place(sectionEl, section);
			if (processors.length > 0) {
				const blockEl = sectionEl.createDiv({ cls: `block-language-${lang}` });
				place(blockEl, section);
				options.rendered?.set(key, [...(options.rendered.get(key) ?? []), { sectionEl, blockEl }]);
				for (const p of processors) {
					try {
						const r = p(source + '\n', blockEl, ctx(blockEl));
						if (r && typeof (r).then === 'function') pending.push((r).catch((e) => reportError(blockEl, e)));
					} catch (e) {
						reportError(blockEl, e);
					}
				}
			} else {
				const pre = sectionEl.createEl('pre');
				pre.createEl('code', { cls: lang ? `language-${lang}` : '', text: source });
			}
			i = end + 1;
			continue;
		}
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		if (heading) {
			const h = el.createEl(`h${heading[1].length}` as 'h1');
			renderInline(h, heading[2]);
			i++;
			continue;
		}
		if (/^\s*(---+|\*\*\*+)\s*$/.test(line)) {
			el.createEl('hr');
			i++;
			continue;
		}
		if (/^\s*>/.test(line)) {
			const quoted: string[] = [];
			const start = i;
			while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*> ?/, ''));
			// Obsidian gives blocks inside a callout or quote the enclosing section's lines.
			const inner: RenderOptions = { sections: registry, enclosing: options.enclosing ?? { lineStart: start, lineEnd: i - 1 } };
			const callout = /^\[!([^\]]+)\]([+-]?)\s*(.*)$/.exec(quoted[0] ?? '');
			if (callout) {
				const box = el.createDiv({ cls: 'callout', attr: { 'data-callout': callout[1].toLowerCase() } });
				renderInline(box.createDiv({ cls: 'callout-title' }), callout[3] || callout[1]);
				await renderMarkdown(app, quoted.slice(1).join('\n'), box.createDiv({ cls: 'callout-content' }), sourcePath, component, inner);
			} else {
				await renderMarkdown(app, quoted.join('\n'), el.createEl('blockquote'), sourcePath, component, inner);
			}
			continue;
		}
		if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
			const ul = el.createEl('ul');
			while (i < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines[i])) {
				const item = lines[i];
				const depth = (/^\s*/.exec(item)?.[0] ?? '').replace(/\t/g, '    ').length;
				const li = ul.createEl('li', { cls: depth > 0 ? 'is-nested' : '' });
				renderInline(li, item.replace(/^\s*([-*+]|\d+\.)\s+/, ''));
				i++;
			}
			continue;
		}
		if (line.trim() === '') {
			i++;
			continue;
		}
		const embed = /^!\[\[([^\]|#^]+)(?:[|#^][^\]]*)?\]\]\s*$/.exec(line.trim());
		const embedded = embed ? app.metadataCache.getFirstLinkpathDest(embed[1], sourcePath) : null;
		if (embedded && embedded.extension === 'md' && embedded.path !== sourcePath) {
			// A note embed renders the other note as a fragment: its blocks get no section info.
			const box = el.createDiv({ cls: 'internal-embed markdown-embed is-loaded', attr: { src: embed![1] } });
			await renderMarkdown(app, await app.vault.cachedRead(embedded), box.createDiv({ cls: 'markdown-embed-content' }), embedded.path, component, { sections: null });
			i++;
			continue;
		}
		const para: string[] = [];
		while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|\s*>|\s*([-*+]|\d+\.)\s|\s{0,3}(```|~~~))/.test(lines[i])) para.push(lines[i++]);
		const p = el.createEl('p');
		para.forEach((text, n) => {
			if (n > 0) p.createEl('br');
			renderInline(p, text);
		});
	}
	await Promise.all(pending);
}

function reportError(el: HTMLElement, e: unknown): void {
	el.createDiv({ cls: 'stand-in-processor-error', text: `Code block processor failed: ${e instanceof Error ? e.message : String(e)}` });
	(window as any).__processorErrors?.push(String(e instanceof Error ? e.stack ?? e.message : e));
}

const INLINE = /(%%[\s\S]*?%%)|!\[\[([^\]]+)\]\]|!\[([^\]]*)\]\(([^)]*)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|==([^=]+)==/g;

function renderInline(el: HTMLElement, text: string): void {
	let last = 0;
	for (const m of text.matchAll(INLINE)) {
		if (m.index > last) el.appendText(text.slice(last, m.index));
		if (m[1]) {
			// %%comments%% are hidden in reading view
		} else if (m[2] !== undefined) {
			el.createSpan({ cls: 'internal-embed image-embed', text: m[2], attr: { 'data-src': m[2] } });
		} else if (m[4] !== undefined) {
			el.createSpan({ cls: 'image-embed', text: m[3] || m[4], attr: { 'data-src': m[4] } });
		} else if (m[6] !== undefined) {
			const safe = /^https?:\/\//i.test(m[6]);
			el.createEl('a', { cls: 'external-link', text: m[5], attr: safe ? { href: m[6], rel: 'noopener' } : {} });
		} else if (m[7] !== undefined) {
			renderInline(el.createEl('strong'), m[7]);
		} else if (m[8] !== undefined) {
			el.createEl('em', { text: m[8] });
		} else if (m[9] !== undefined) {
			el.createEl('code', { text: m[9] });
		} else if (m[10] !== undefined) {
			// ==highlight==, as Obsidian renders it.
			renderInline(el.createEl('mark'), m[10]);
		}
		last = m.index + m[0].length;
	}
	if (last < text.length) el.appendText(text.slice(last));
}
