/** English UI text of the topology diagrams. Keys are shared with ko/diagrams.ts. */
export const diagrams = {
	'diagram.label': 'Topology diagram',
};
