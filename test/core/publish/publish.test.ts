import { gardenBlockHtml, gardenText } from '../../../src/core/publish/garden-html';
import { publishBlock } from '../../../src/core/publish/published-block';
import { renderNoteWithMermaid } from '../../../src/core/publish/render-note';
import { analyzeNote } from '../../../src/core/topology';
import { frontMatterLines, recordFrontMatterLines, setupEleventy, setupMarkdown, type EleventyConfigLike } from '../../../src/publish/garden/hook';

const VPC = 'name: v\ncidr: 10.0.0.0/16\ninternet-gateway: igw\nsubnets:\n  pub: { cidr: 10.0.1.0/24, route-table: rt }\nroute-tables:\n  rt: { 0.0.0.0/0: igw }\ninstances:\n  web: { subnet: pub, public-ip: true, security-groups: [sg] }\nsecurity-groups:\n  sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }\nflows:\n  - internet -> web tcp/443';

describe('publishing a note for sites that run no plugin', () => {
	it('replaces each drawable block with a mermaid block and keeps everything else as written', () => {
		const note = `---\ndg-publish: true\n---\n# VPC\n\nText #tag\n\n\`\`\`vpc\n${VPC}\n\`\`\`\n\n\`\`\`js\nx\n\`\`\`\n\n  \`\`\`vpc\n  name: broken\n  cidr: nope\n  \`\`\`\n`;
		const rendered = renderNoteWithMermaid(note);
		const brokenLine = note.split('\n').indexOf('  ```vpc') + 1;
		expect(rendered.blocks.map((b) => [b.kind, b.openLine, b.replaced])).toEqual([
			['vpc', 8, true],
			['vpc', brokenLine, false],
		]);
		const lines = rendered.text.split('\n');
		expect(lines.slice(0, 7)).toEqual(note.split('\n').slice(0, 7));
		expect(lines[7]).toBe('```mermaid');
		expect(lines[8]).toMatch(/^flowchart /);
		// The broken block is kept exactly as written, and the code block too.
		expect(rendered.text).toContain('```js\nx\n```');
		expect(rendered.text).toContain('  ```vpc\n  name: broken\n  cidr: nope\n  ```');
		expect(analyzeNote(rendered.text).map((b) => b.analysis.title)).toEqual(['broken']);
	});

	it('keeps CRLF notes in CRLF', () => {
		const note = `# x\r\n\r\n\`\`\`vpc\r\n${VPC.replace(/\n/g, '\r\n')}\r\n\`\`\`\r\n`;
		const rendered = renderNoteWithMermaid(note);
		expect(rendered.blocks[0].replaced).toBe(true);
		expect(rendered.text.split('\r\n')[2]).toBe('```mermaid');
		expect(rendered.text.replace(/\r\n/g, '')).not.toContain('\n');
	});
});

describe('garden HTML', () => {
	it('escapes what the garden filters would turn into tags, wikilinks or Dataview fields', () => {
		const text = gardenText('a #tag [[Note|x]] (k:: v) <b>&"\'`|');
		expect(text).not.toContain('[[');
		expect(text).not.toMatch(/(^|\s|>)#/);
		expect(text).not.toMatch(/\(\S+::/);
		// An HTML parser gives back the original text.
		const decoded = text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
		expect(decoded).toBe('a #tag [[Note|x]] (k:: v) <b>&"\'`|');
	});

	it('publishes a block with its flows and lint, and a broken block with its source and errors', () => {
		const ok = gardenBlockHtml(publishBlock('vpc', VPC, 5), { showLint: true, showFlows: true });
		// The page script draws the diagram; the page's own text holds no Mermaid text (the garden's
		// search index is that text), only the block's source for readers without scripts.
		expect(ok).toContain('<div class="cloudnotes-garden-diagram" data-pending="true"></div>');
		expect(ok).not.toContain('flowchart');
		expect(ok).not.toContain('class="mermaid');
		expect(ok).toContain(`<noscript><pre class="cloudnotes-garden-source"><code>${gardenText(VPC)}</code></pre></noscript>`);
		expect(ok).toContain('data-allowed="true"');
		expect(ok).toContain('No problems found.');
		const hidden = gardenBlockHtml(publishBlock('vpc', VPC, 5), { showLint: false, showFlows: false });
		expect(hidden).not.toContain('cloudnotes-garden-lint');
		expect(hidden).not.toContain('cloudnotes-garden-flow');
		const broken = gardenBlockHtml(publishBlock('vpc', 'name: b\ncidr: 10.0.0.0/99', 5), { showLint: false, showFlows: true });
		expect(broken).toContain('data-state="broken"');
		expect(broken).toContain('data-code="invalid-cidr"');
		expect(broken).not.toContain('class="mermaid');
	});

	it('counts lint lines from the top of the note: the front matter Eleventy strips is added back', () => {
		// gray-matter hands an excerpt function the raw front matter (between the `---` lines).
		const file: { matter: string; data: Record<string, unknown> | null } = { matter: '\n{"dg-publish":true,"permalink":"/vpc/"}', data: null };
		const config: EleventyConfigLike & { set?: Record<string, unknown> } = { setFrontMatterParsingOptions: (o) => (config.set = o) };
		setupEleventy(config);
		const excerpt = config.set?.excerpt as (f: typeof file, o: unknown) => unknown;
		excerpt(file, {});
		expect(file.data?.cloudnotesFrontMatterLines).toBe(3);
		recordFrontMatterLines({ matter: '\ntitle: x\ntags: [a, b]\ndg-publish: true', data: file.data });
		expect(file.data?.cloudnotesFrontMatterLines).toBe(5);
		// A site function runs too; a site that uses gray-matter's own excerpts is left alone.
		const calls: unknown[] = [];
		const chained: EleventyConfigLike & { set?: Record<string, unknown> } = { frontMatterParsingOptions: { excerpt: (f) => calls.push(f) }, setFrontMatterParsingOptions: (o) => (chained.set = o) };
		setupEleventy(chained);
		(chained.set?.excerpt as (f: unknown, o: unknown) => unknown)({ matter: '\na: 1', data: {} }, {});
		expect(calls).toHaveLength(1);
		let touched = false;
		setupEleventy({ frontMatterParsingOptions: { excerpt: true }, setFrontMatterParsingOptions: () => (touched = true) });
		expect(touched).toBe(false);
		expect(frontMatterLines({ cloudnotesFrontMatterLines: 3 })).toBe(3);
		expect(frontMatterLines({})).toBe(0);
		expect(frontMatterLines(undefined)).toBe(0);

		// The note as written (front matter, then a block with an error on its note line 7), and the
		// Markdown Eleventy hands markdown-it (without the front matter), with the page data as env.
		const note = ['---', '{"dg-publish":true}', '---', '# VPC', '', '```vpc', 'name: b', 'cidr: 10.0.0.0/99', '```', ''].join('\n');
		const errorLine = note.split('\n').indexOf('cidr: 10.0.0.0/99') + 1;
		const body = note.split('\n').slice(3).join('\n');
		const MarkdownIt = require('markdown-it') as new () => { renderer: { rules: Record<string, unknown> }; render(src: string, env?: unknown): string };
		const md = new MarkdownIt();
		setupMarkdown(md);
		const html = md.render(body, { cloudnotesFrontMatterLines: 3 });
		expect(html).toContain(`data-first-line="${errorLine - 1}"`);
		expect(html).toContain(`line ${errorLine}&#58;`);
		// Without the page data (another markdown-it site) lines count from the Markdown's top, as before.
		expect(md.render(body)).toContain(`line ${errorLine - 3}&#58;`);
	});
});
