/**
 * A Terraform block drawn: its VPCs side by side as the vpc block draws several, and each module
 * other than the VPC module as one box naming its source.
 */

import type { DiagramColors, MermaidDiagram } from '../shared/mermaid-builder';
import { escapeLabel, mermaidIdFor } from '../shared/mermaid-text';
import { vpcDiagram } from '../vpc/mermaid';
import type { TerraformModel } from './model';

export function terraformDiagram(model: TerraformModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const drawn = model.vpcs.filter((v) => v.name !== '' || v.subnets.size > 0);
	const first = drawn[0] ?? model.vpc;
	// The block's VPCs side by side in one drawing (each keeps its own model for lint and trace):
	// the vpc diagram draws every VPC of the network it is handed, with its own zone ids, and the
	// cloud layout places them all.
	const diagram = vpcDiagram(drawn.length > 1 ? { ...first, network: { ...first.network, vpcs: drawn } } : first, colors, direction, icons);
	let text = diagram.text;
	const nodes = [...diagram.nodes];
	const taken = new Set(nodes.map((n) => n.mermaidId));
	const lines: string[] = [];
	for (const box of model.modules) {
		const id = mermaidIdFor(box.name);
		if (taken.has(id)) continue;
		taken.add(id);
		lines.push(`\t${id}["${escapeLabel(box.name)}<br/>${escapeLabel(box.source || 'module', 60)}"]`);
		nodes.push({ mermaidId: id, resource: box.name, shape: 'node' });
	}
	if (lines.length) text = text.replace(/\n?$/, '\n') + lines.join('\n') + '\n';
	return { ...diagram, text, nodes };
}
