/**
 * A Terraform block drawn: its network as the vpc block draws one (every VPC side by side, the
 * links between them), and each module other than the VPC module as one box naming its source.
 */

import type { DiagramColors, MermaidDiagram } from '../shared/mermaid-builder';
import { escapeLabel, mermaidIdFor } from '../shared/mermaid-text';
import { vpcDiagram } from '../vpc/mermaid';
import type { TerraformModel } from './model';

export function terraformDiagram(model: TerraformModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const diagram = vpcDiagram(model.vpc, colors, direction, icons);
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
