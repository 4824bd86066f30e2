/**
 * What a card asks of a diagram: one element masked (an occlusion card's front), one element
 * revealed (its back), or a trace drawn (a trace drill's back). The Builder applies it while the
 * language's own writer draws, so the placeholder replaces the fact in the Mermaid text itself:
 * the hidden value never reaches Mermaid, the SVG or the page. Every language draws through the
 * Builder, so every language (and any added later) is masked the same way without knowing it.
 */

/** What stands in the diagram where a fact was hidden. */
export const MASK_TEXT = '▒▒▒▒ ?';

export interface DiagramMask {
	/** The resource (node or group) the card is about. */
	element: string;
	/** `mask`: the fact is replaced by MASK_TEXT; `reveal`: drawn as usual, the element highlighted. */
	mode: 'mask' | 'reveal';
	/** Texts of the element's own label that give the fact (e.g. `private`). */
	hide: readonly string[];
	/** Texts that are the fact wherever they appear (a CIDR, a policy's name): hidden in every label. */
	scrub: readonly string[];
	/** Edges touching the element or anything inside it give the fact away (a subnet's routes): not drawn when masked. */
	detach: boolean;
}

export interface DiagramTrace {
	/** Resources along the trace, in order. */
	path: readonly string[];
	/** The resource whose rule decided (refused or admitted). */
	decisive?: string;
	allowed: boolean;
}

export interface DiagramEmphasis {
	mask?: DiagramMask;
	trace?: DiagramTrace;
}

let current: DiagramEmphasis | null = null;

/**
 * Runs `draw` (a language's `mermaid`) with the emphasis applied by every Builder it creates.
 * Drawing is synchronous, so the emphasis is in force exactly for that call; a module-level
 * setting rather than a MermaidOptions field keeps the languages' writers unaware of cards.
 */
export function drawWithEmphasis<T>(emphasis: DiagramEmphasis, draw: () => T): T {
	const previous = current;
	current = emphasis;
	try {
		return draw();
	} finally {
		current = previous;
	}
}

export function currentEmphasis(): DiagramEmphasis | null {
	return current;
}
