/**
 * A template drawn: the vpc block's diagram of the model, plus each VPC peering as a gateway node
 * linking the subnets whose routes lead to it with the VPC on the other side.
 */

import { escapeLabel, mermaidIdFor } from '../shared/mermaid-text';
import type { DiagramColors, MermaidDiagram } from '../shared/mermaid-builder';
import { vpcDiagram } from '../vpc/mermaid';
import type { CloudFormationModel } from './model';

export function cloudFormationDiagram(model: CloudFormationModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const diagram = vpcDiagram(model.vpc, colors, direction, icons);
	if (model.peerings.length === 0) return diagram;
	const idOf = new Map(diagram.nodes.map((n) => [n.resource, n.mermaidId]));
	const vpcId = idOf.get(model.vpc.name);
	const lines: string[] = [];
	const nodes = [...diagram.nodes];
	const edges = [...diagram.edges];
	const drawnPeers = new Set<string>();
	for (const peering of model.peerings) {
		if (idOf.has(peering.name)) continue;
		const id = mermaidIdFor(peering.name);
		lines.push(`\t${id}{{"${escapeLabel(peering.name)}<br/>VPC peering"}}`);
		nodes.push({ mermaidId: id, resource: peering.name, shape: 'node' });
		const peerId = `z_peer_${drawnPeers.size}`;
		if (!drawnPeers.has(peering.peer)) {
			drawnPeers.add(peering.peer);
			lines.push(`\t${peerId}(["${escapeLabel(`VPC ${peering.peer}`)}"])`);
		}
		const froms = peering.routes.length ? peering.routes : vpcId ? [{ subnet: model.vpc.name, destination: '' }] : [];
		for (const route of froms) {
			const from = idOf.get(route.subnet);
			if (!from) continue;
			lines.push(`\t${from} -->${route.destination ? `|"${escapeLabel(route.destination, 60)}"|` : ''} ${id}`);
			edges.push({ from: route.subnet, to: peering.name, label: route.destination });
		}
		lines.push(`\t${id} <--> ${peerId}`);
		edges.push({ from: peering.name, to: `VPC ${peering.peer}`, label: '' });
	}
	return { ...diagram, text: diagram.text + lines.join('\n') + '\n', nodes, edges };
}
