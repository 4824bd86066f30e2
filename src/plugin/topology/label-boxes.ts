/**
 * Mermaid's HTML labels laid out as plain blocks. Mermaid measures each label as a
 * `display: table-cell` div and sizes its foreignObject to fit, and the div stays a table cell in
 * the SVG it returns. In the page, every label then becomes an anonymous table around the cell,
 * and its span (inline) is split around the `<p>` block inside it: about twice the layout objects
 * of the label itself. A diagram of 100 resources has some 450 labels, and they were over half of
 * the browser's style and layout time when the SVG was put in the page.
 *
 * Once drawn, each box already has its measured size, so a block div and a block span give the
 * same pixels (compared on a 100-resource diagram at 0.8x, 1x and 2x: not one pixel differs) for
 * about a third less of that time. The class asks styles.css for it, so exported SVGs (without our
 * styles) keep Mermaid's table cells. Only labels of exactly that shape are marked: a wrapped label
 * (`display: table` with a fixed width) or a span holding bare text stays as Mermaid made it.
 */

export const LABEL_BOX_CLASS = 'cloudnotes-label-box';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** An HTML element of that name (read from the node: diagrams may be adopted by a popout window, whose classes differ). */
function isHtml(node: Node, name: string): node is HTMLElement {
	return node.nodeType === Node.ELEMENT_NODE && (node as Element).namespaceURI === XHTML && (node as Element).localName === name;
}

/** Whether a label's div is a table cell whose spans each hold only `<p>` paragraphs. */
function isCellOfParagraphs(div: HTMLElement): boolean {
	if (div.style.display !== 'table-cell' || div.childNodes.length === 0) return false;
	for (const span of Array.from(div.childNodes)) {
		if (!isHtml(span, 'span')) return false;
		for (const child of Array.from(span.childNodes)) if (!isHtml(child, 'p')) return false;
	}
	return true;
}

/** Marks the labels of a drawn diagram to be laid out as blocks (see the module comment). */
export function markLabelBoxes(svg: Element): void {
	for (const div of Array.from(svg.querySelectorAll('foreignObject > div'))) {
		if (isHtml(div, 'div') && isCellOfParagraphs(div)) div.classList.add(LABEL_BOX_CLASS);
	}
}
