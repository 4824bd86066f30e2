/**
 * Turns the SVG text Mermaid returns into an element of our document without ever parsing it as
 * HTML into the page (no innerHTML): the text is parsed by DOMParser as SVG, then, defensively,
 * anything that could run code is removed before the node is imported. Mermaid in strict mode
 * already sanitises labels; this is the second fence, so a note can never run script.
 */

const ACTIVE_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'meta', 'link', 'base', 'form', 'handler', 'listener'];
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values'];

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
	for (const el of Array.from(root.querySelectorAll(ACTIVE_ELEMENTS.join(',')))) el.remove();
	const all = [root, ...Array.from(root.querySelectorAll('*'))];
	for (const el of all) {
		for (const attr of Array.from(el.attributes)) {
			const name = attr.name.toLowerCase();
			if (name.startsWith('on')) el.removeAttribute(attr.name);
			else if (URL_ATTRIBUTES.includes(name) && isDangerousUrl(attr.value)) el.removeAttribute(attr.name);
			else if ((name === 'style' || name === 'attributename') && /javascript:|expression\(|url\(\s*['"]?\s*javascript/i.test(attr.value)) el.removeAttribute(attr.name);
		}
		// <set>/<animate> can rewrite an href to javascript: at run time.
		const tag = el.localName.toLowerCase();
		if ((tag === 'set' || tag === 'animate') && /href/i.test(el.getAttribute('attributeName') ?? '')) el.remove();
	}
}

/** Parses Mermaid's SVG text and returns a cleaned `<svg>` element owned by `doc`, or null if it is not an SVG. */
export function parseSvg(svgText: string, doc: Document): SVGSVGElement | null {
	const parser = new DOMParser();
	let svg: Element | null = null;
	const xml = parser.parseFromString(svgText, 'image/svg+xml');
	if (!xml.querySelector('parsererror') && xml.documentElement.localName === 'svg') svg = xml.documentElement;
	else {
		// Mermaid's text is serialised HTML; a label with HTML-only syntax can break XML parsing.
		// The HTML parser of a detached document builds nodes without running or loading anything.
		const html = parser.parseFromString(svgText, 'text/html');
		svg = html.querySelector('svg');
	}
	if (!svg) return null;
	stripActiveContent(svg);
	const imported = doc.importNode(svg, true);
	return imported.localName === 'svg' ? (imported as SVGSVGElement) : null;
}
