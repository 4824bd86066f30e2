/**
 * Turns the SVG text Mermaid returns into an element of our document without ever parsing it as
 * HTML into the page (no innerHTML): DOMParser parses the text into a detached document, then, defensively,
 * anything that could run code is removed before the node is imported. Mermaid in strict mode
 * already sanitises labels; this is the second fence, so a note can never run script.
 */

const ACTIVE_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'meta', 'link', 'base', 'form', 'handler', 'listener'].join(',');
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values']);

/** A URL that would run code when followed or loaded. */
export function isDangerousUrl(value: string): boolean {
	// Browsers ignore control characters and whitespace inside the scheme: `java\tscript:` runs.
	const squeezed = [...value]
		.filter((c) => {
			const code = c.charCodeAt(0);
			return code > 0x20 && (code < 0x7f || code > 0x9f);
		})
		.join('')
		.toLowerCase();
	return /^(javascript|vbscript|livescript):/.test(squeezed) || /^data:(?!image\/(png|gif|jpe?g|webp);)/.test(squeezed);
}

/** Removes script-like elements, event handler attributes and dangerous URLs, in place. */
export function stripActiveContent(root: Element): void {
	for (const el of Array.from(root.querySelectorAll(ACTIVE_ELEMENTS))) el.remove();
	// Every element, the root first. The walk runs on each diagram read back from the render cache
	// file (thousands of elements): an indexed loop over the list, not copies of it.
	const all = root.querySelectorAll('*');
	for (let i = -1; i < all.length; i++) {
		const el = i < 0 ? root : all[i];
		if (!el) continue;
		// Names, not `el.attributes`: Blink makes an Attr object per attribute read that way, which
		// cost more than the rest of the walk on a diagram of a few hundred nodes.
		for (const raw of el.getAttributeNames()) {
			const name = raw.toLowerCase();
			if (name.startsWith('on')) el.removeAttribute(raw);
			else if (URL_ATTRIBUTES.has(name)) {
				if (isDangerousUrl(el.getAttribute(raw) ?? '')) el.removeAttribute(raw);
			} else if ((name === 'style' || name === 'attributename') && ACTIVE_STYLE.test(el.getAttribute(raw) ?? '')) el.removeAttribute(raw);
		}
		// <set>/<animate> can rewrite an href to javascript: at run time.
		const tag = el.localName.toLowerCase();
		if ((tag === 'set' || tag === 'animate') && /href/i.test(el.getAttribute('attributeName') ?? '')) el.remove();
	}
}

const ACTIVE_STYLE = /javascript:|expression\(|url\(\s*['"]?\s*javascript/i;

/**
 * Parses Mermaid's SVG text and returns a cleaned `<svg>` element owned by `doc`, or null if it is
 * not an SVG. The text is serialised HTML (labels hold `<br>`, which XML refuses), meant for an
 * HTML parser: DOMParser's, into a detached document that runs and loads nothing. Parsing it as
 * XML first failed on every diagram with a line break in a label and doubled the parse time.
 */
export function parseSvg(svgText: string, doc: Document): SVGSVGElement | null {
	const html = new DOMParser().parseFromString(svgText, 'text/html');
	const svg = html.querySelector('svg');
	if (!svg) return null;
	stripActiveContent(svg);
	// Adopted, not imported: moving the parsed tree into our document spares a deep copy.
	const adopted = doc.adoptNode(svg);
	return adopted.localName === 'svg' ? adopted : null;
}
