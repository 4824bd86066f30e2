/**
 * Drops the rules of a drawn diagram's `<style>` elements that can never match inside it.
 *
 * Mermaid writes its whole flowchart stylesheet into every SVG (error icons, edge animations,
 * KaTeX, the "neo" look...) plus three rules per classDef, scoped by the diagram's id; our writer
 * declares a classDef per icon category, and icon nodes carry their colours inline, so those class
 * names appear nowhere. Of the 71 rules of a 100-resource VPC diagram, 42 cannot match, among them
 * all 12 of the form `#id .cnIconCompute > *`, whose key selector is universal: the browser tries
 * such a rule on every element of the page at every style recalculation, and each diagram on the
 * page adds its own.
 *
 * A selector is dead when it requires a class that no element of the drawing has and that nothing
 * adds later: our own classes (`cloudnotes-*`, `is-*`) come and go with interaction, Mermaid's do
 * not. Anything this cannot read for sure (attribute selectors, functional pseudo-classes such as
 * `:not(.x)`, escapes, strings) counts as live, as do at-rules. The text of live rules is kept as
 * it was.
 */

/** Classes our code adds after drawing (state, badges, decorations): a rule needing one stays. */
function addedLater(name: string): boolean {
	return name.startsWith('cloudnotes-') || name.startsWith('is-');
}

/** Whether a single selector (no commas) requires a class the drawing lacks. */
function selectorIsDead(selector: string, classes: ReadonlySet<string>): boolean {
	if (/[[\]()\\"']/.test(selector)) return false;
	for (const m of selector.matchAll(/\.([_a-zA-Z-][\w-]*)/g)) {
		const name = m[1] ?? '';
		if (!classes.has(name) && !addedLater(name)) return true;
	}
	return false;
}

/** A top-level block of a stylesheet: its prelude (selectors or at-rule) and its whole text. */
interface Block {
	prelude: string;
	text: string;
}

/** Splits CSS text into top-level blocks (strings and comments skipped over); null when unbalanced. */
function topLevelBlocks(css: string): Block[] | null {
	const blocks: Block[] = [];
	let depth = 0;
	let start = 0;
	let preludeEnd = -1;
	for (let i = 0; i < css.length; i++) {
		const c = css[i];
		if (c === '"' || c === "'") {
			const close = css.indexOf(c, i + 1);
			if (close < 0) return null;
			i = close;
		} else if (c === '/' && css[i + 1] === '*') {
			const close = css.indexOf('*/', i + 2);
			if (close < 0) return null;
			i = close + 1;
		} else if (c === '{') {
			if (depth === 0) preludeEnd = i;
			depth++;
		} else if (c === '}') {
			depth--;
			if (depth < 0) return null;
			if (depth === 0) {
				blocks.push({ prelude: css.slice(start, preludeEnd).trim(), text: css.slice(start, i + 1) });
				start = i + 1;
			}
		}
	}
	if (depth !== 0 || css.slice(start).trim() !== '') return null;
	return blocks;
}

/** The CSS without the rules that cannot match in a drawing with these classes (unchanged when it cannot be read). */
export function withoutUnusedRules(css: string, classes: ReadonlySet<string>): string {
	const blocks = topLevelBlocks(css);
	if (!blocks) return css;
	return blocks
		.filter((b) => b.prelude.startsWith('@') || !b.prelude.split(',').every((s) => selectorIsDead(s, classes)))
		.map((b) => b.text)
		.join('');
}

/** Drops the unused rules of every `<style>` in a drawn diagram (see the module comment). */
export function dropUnusedRules(svg: Element): void {
	const classes = new Set<string>();
	for (const el of [svg, ...Array.from(svg.querySelectorAll('[class]'))]) for (const name of Array.from(el.classList)) classes.add(name);
	for (const style of Array.from(svg.querySelectorAll('style'))) {
		const css = style.textContent ?? '';
		const kept = withoutUnusedRules(css, classes);
		if (kept !== css) style.textContent = kept;
	}
}
