/**
 * A published topology block as HTML for a Digital Garden page (or any markdown-it site): a
 * place for the diagram, which the page script draws with the site's Mermaid in the site's theme
 * colours and with our icons, the lint results and flow verdicts as static HTML, and the block's
 * source in an attribute for the script. The page's text holds no Mermaid text: the garden builds
 * its search index from the page's text (tags stripped), so the only diagram text there is the
 * block's own source, inside `<noscript>` (what a reader without scripts sees).
 *
 * The garden runs its own filters over the finished HTML: `#word` after a space or `>` becomes a
 * tag link, `[[a|b]]` a wikilink, `(key:: value)` is taken for Dataview. Every text we write is
 * therefore escaped with numeric entities for `#`, `[`, `]`, `(`, `)` and `:` besides the HTML
 * ones: the browser (and Mermaid, which reads the text content) sees the same characters, and no
 * filter matches.
 */
import type { PublishedBlock } from './published-block';

export interface GardenSettings {
	showLint: boolean;
	showFlows: boolean;
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'#': '&#35;',
	'[': '&#91;',
	']': '&#93;',
	'(': '&#40;',
	')': '&#41;',
	':': '&#58;',
	'|': '&#124;',
	'`': '&#96;',
};

/** Text for HTML (element content or a double-quoted attribute) that the garden's filters leave alone. */
export function gardenText(text: string): string {
	return text.replace(/[&<>"'#[\]():|`]/g, (c) => ENTITIES[c] ?? c);
}

function lintHtml(block: PublishedBlock): string {
	if (block.diagnostics.length === 0) return '<p class="cloudnotes-garden-ok">No problems found.</p>';
	const items = block.diagnostics.map(
		(d) =>
			`<li class="cloudnotes-garden-diagnostic" data-severity="${d.severity}" data-code="${gardenText(d.code)}"><span class="cloudnotes-garden-severity">${d.severity}</span> <code>${gardenText(d.code)}</code> ${gardenText(`line ${d.line}: ${d.message}`)}</li>`,
	);
	return `<ul class="cloudnotes-garden-diagnostics">${items.join('')}</ul>`;
}

function flowsHtml(block: PublishedBlock): string {
	const items = block.flows.map(
		(f) =>
			`<li class="cloudnotes-garden-flow" data-allowed="${f.allowed ? 'true' : 'false'}"><span class="cloudnotes-garden-verdict">${f.allowed ? 'allowed' : 'refused'}</span> <code>${gardenText(f.text)}</code> ${gardenText(f.summary)}</li>`,
	);
	return `<ul class="cloudnotes-garden-flows">${items.join('')}</ul>`;
}

export function gardenBlockHtml(block: PublishedBlock, settings: GardenSettings): string {
	const parts: string[] = [];
	const attrs = [
		'class="cloudnotes-garden"',
		`data-kind="${gardenText(block.kind)}"`,
		`data-state="${block.mermaid !== null ? 'ok' : 'broken'}"`,
		`data-first-line="${block.firstLine}"`,
		`data-source="${gardenText(block.source)}"`,
	];
	if (block.direction) attrs.push(`data-direction="${block.direction}"`);
	parts.push(`<div ${attrs.join(' ')}>`);
	if (block.mermaid !== null) {
		parts.push('<div class="cloudnotes-garden-diagram" data-pending="true"></div>');
		parts.push(`<noscript><pre class="cloudnotes-garden-source"><code>${gardenText(block.source)}</code></pre></noscript>`);
	} else {
		// A broken block publishes as what the author wrote, with what is wrong under it.
		parts.push(`<p class="cloudnotes-garden-refusal">${gardenText(block.refusal ?? '')}</p>`);
		parts.push(`<pre class="cloudnotes-garden-source"><code>${gardenText(block.source)}</code></pre>`);
	}
	if (settings.showLint || block.mermaid === null) parts.push(`<div class="cloudnotes-garden-lint">${lintHtml(block)}</div>`);
	if (settings.showFlows && block.flows.length > 0) parts.push(`<div class="cloudnotes-garden-flowlist">${flowsHtml(block)}</div>`);
	parts.push('</div>');
	return parts.join('\n') + '\n';
}
