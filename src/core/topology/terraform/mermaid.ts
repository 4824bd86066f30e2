/**
 * A Terraform block drawn: each VPC as the vpc block draws it, one after the other in the same
 * flowchart, and each module other than the VPC module as one box naming its source.
 */

import type { DiagramColors, MermaidDiagram } from '../shared/mermaid-builder';
import { escapeLabel, mermaidIdFor } from '../shared/mermaid-text';
import { vpcDiagram } from '../vpc/mermaid';
import type { TerraformModel } from './model';

export function terraformDiagram(model: TerraformModel, colors: DiagramColors | undefined, direction: 'TB' | 'LR', icons = false): MermaidDiagram {
	const drawn = model.vpcs.filter((v) => v.name !== '' || v.subnets.size > 0);
	const [first, ...rest] = drawn.length ? drawn : [model.vpc];
	const diagram = vpcDiagram(first ?? model.vpc, colors, direction, icons);
	let text = diagram.text;
	const nodes = [...diagram.nodes];
	const edges = [...diagram.edges];
	const groups = [...(diagram.decor?.groups ?? [])];
	const badges = [...(diagram.decor?.badges ?? [])];
	const taken = new Set(nodes.map((n) => n.mermaidId));
	rest.forEach((vpc, i) => {
		// Another VPC's drawing, its header dropped; shared ids (the internet, the region group) are
		// renamed when they would be declared twice.
		const other = vpcDiagram(vpc, colors, direction, icons);
		const rename = new Map<string, string>();
		for (const n of other.nodes) if (taken.has(n.mermaidId) && n.resource !== 'internet') rename.set(n.mermaidId, `${n.mermaidId}_v${i + 2}`);
		if (other.text.includes('z_region')) rename.set('z_region', `z_region_v${i + 2}`);
		let body = other.text.split('\n').slice(1).filter((l) => !l.startsWith('%%')).join('\n');
		for (const [from, to] of rename) body = body.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
		text += body;
		for (const n of other.nodes) {
			const id = rename.get(n.mermaidId) ?? n.mermaidId;
			if (n.resource === 'internet' && taken.has(id)) continue;
			taken.add(id);
			nodes.push({ ...n, mermaidId: id });
		}
		edges.push(...other.edges);
		groups.push(...(other.decor?.groups ?? []).map((g) => ({ ...g, mermaidId: rename.get(g.mermaidId) ?? g.mermaidId })));
		badges.push(...(other.decor?.badges ?? []).map((b) => ({ ...b, mermaidId: rename.get(b.mermaidId) ?? b.mermaidId })));
	});
	const lines: string[] = [];
	for (const box of model.modules) {
		const id = mermaidIdFor(box.name);
		if (taken.has(id)) continue;
		taken.add(id);
		lines.push(`\t${id}["${escapeLabel(box.name)}<br/>${escapeLabel(box.source || 'module', 60)}"]`);
		nodes.push({ mermaidId: id, resource: box.name, shape: 'node' });
	}
	if (lines.length) text = text.replace(/\n?$/, '\n') + lines.join('\n') + '\n';
	return { ...diagram, text, nodes, edges, ...(diagram.decor ? { decor: { groups, badges } } : {}) };
}
