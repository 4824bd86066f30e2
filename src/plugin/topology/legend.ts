/**
 * The legend of a diagram drawn with icons: each icon it uses, with what it stands for, and the
 * group conventions (Region, VPC, Availability Zone, public and private subnets). Hidden until
 * the toolbar's legend button shows it; built from the generator's report (which icon each node
 * and group got), so it lists exactly what this diagram shows.
 */
import type { MermaidDiagram } from '../../core/topology';
import { isMessageKey, t } from '../i18n';
import { iconElement } from './diagram-decor';

/** Icons in the order a reader meets them: outside in, then what the nodes are. */
// Icon ids, not a block kind.
const ORDER = ['region', 'vpc', 'availability-zone', 'public-subnet', 'private-subnet', 'container-host', 'internet', 'internet-gateway', 'nat-gateway', 'load-balancer', 'network-load-balancer', 'ec2-instance', 'bastion', 'database', 'container', 'network', 'volume', 'security-group', 'k8s-namespace', 'k8s-ingress', 'k8s-service', 'k8s-deployment', 'k8s-statefulset', 'k8s-daemonset', 'k8s-replicaset', 'k8s-pod', 'k8s-job', 'k8s-cronjob', 'k8s-network-policy']; // icon ids: not a block kind

/** The icons a diagram uses (nodes, groups, badges), in legend order; logos last, by name. */
export function legendIcons(diagram: MermaidDiagram): string[] {
	const used = new Set<string>();
	for (const node of diagram.nodes) if (node.icon) used.add(node.icon);
	for (const group of diagram.decor?.groups ?? []) if (group.icon) used.add(group.icon);
	for (const badge of diagram.decor?.badges ?? []) used.add(badge.icon);
	// Zones have no icon of their own (as in AWS's diagrams) but are a convention worth naming.
	if ((diagram.decor?.groups ?? []).some((g) => g.icon === null && g.mermaidId.startsWith('z_') && g.mermaidId !== 'z_region')) used.add('availability-zone');
	const known = ORDER.filter((id) => used.has(id));
	const logos = [...used].filter((id) => id.startsWith('logo-')).sort();
	return [...known, ...logos];
}

function labelFor(icon: string): string {
	if (icon.startsWith('logo-')) return t('legend.logo', { name: icon.slice('logo-'.length) });
	const key = `legend.${icon}`;
	return isMessageKey(key) ? t(key) : icon;
}

/** Fills `parent` with the legend of `diagram`. */
export function renderLegend(parent: HTMLElement, diagram: MermaidDiagram): void {
	parent.createDiv({ cls: 'cloudnotes-panel-title', text: t('legend.title') });
	const list = parent.createEl('ul', { cls: 'cloudnotes-legend-list' });
	for (const icon of legendIcons(diagram)) {
		const item = list.createEl('li', { attr: { 'data-icon': icon } });
		const svg = item.createSvg('svg', { cls: 'cloudnotes-legend-icon', attr: { viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true' } });
		const g = iconElement(activeDocument, icon, 0, 0, 24);
		if (g) svg.appendChild(g);
		item.createSpan({ text: labelFor(icon) });
	}
}
