/** What a language tells about its blocks for occlusion cards (diagram-cards.ts makes the cards). */

/** A fact of a block worth hiding in its diagram, as a language states it. */
export interface OcclusionFact {
	/** The drawn resource the fact belongs to (a node or a group of the diagram). */
	element: string;
	/** What about it is hidden (`cidr`, `exposure`, `networks`...): part of the card's identity. */
	fact: string;
	/** 1-based line in the block's model. */
	line: number;
	/** The question, Markdown with names escaped. */
	question: string;
	/** The hidden fact as plain text. */
	answer: string;
	/** One line for the back, Markdown with names escaped. */
	explanation: string;
	/** Texts of the element's own label that give the fact away. */
	hide?: string[];
	/** Texts that are the fact wherever they appear in the diagram. */
	scrub?: string[];
	/** Whether the element's edges (and those of what is inside it) give the fact away. */
	detach?: boolean;
	/** Higher is more instructive: asked first when a block has more facts than its cap. */
	weight: number;
}
