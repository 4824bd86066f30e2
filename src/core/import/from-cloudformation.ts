/**
 * A CloudFormation template -> a draft, through the `cloudformation` language: the same reading as
 * a `cloudformation` block (intrinsics, logical ids), written out as a plain `vpc` block. What the
 * block would report as not modelled or not known offline becomes the draft's notes.
 */

import { analyzeTopology } from '../topology';
import { cloudFormationLanguage } from '../topology/cloudformation';
import type { CloudFormationModel } from '../topology/cloudformation/model';
import { emptyDraft, type VpcDraft } from './draft';
import type { ImportResult } from './aws-cli';

export function importCloudFormation(text: string): ImportResult {
	const analysis = analyzeTopology(cloudFormationLanguage.id, text, 1);
	const model = analysis.model as CloudFormationModel | null;
	const notes: string[] = [];
	if (!model) return { drafts: [], notes: analysis.diagnostics.map((d) => `line ${d.line}: ${d.message}`) };
	const vpc = model.vpc;
	const draft: VpcDraft = emptyDraft(vpc.name || 'VPC', 'CloudFormation template');
	draft.cidr = vpc.cidr?.text ?? null;
	draft.region = vpc.region;
	draft.internetGateway = vpc.internetGateway?.name ?? null;
	for (const s of vpc.subnets.values()) draft.subnets.push({ name: s.name, cidr: s.cidr?.text ?? null, zone: s.zone, routeTable: s.routeTable?.name ?? null, nacl: s.nacl?.name ?? null });
	for (const t of vpc.routeTables.values()) draft.routeTables.push({ name: t.name, routes: t.routes.map((r) => [r.destination.text, r.target]) });
	for (const n of vpc.natGateways.values()) draft.natGateways.push({ name: n.name, subnet: n.subnet?.name ?? null });
	for (const i of vpc.instances.values()) {
		draft.instances.push({ name: i.name, subnet: i.subnet?.name ?? null, publicIp: i.publicIp, securityGroups: i.securityGroups.map((g) => g.name), type: i.instanceType, privateIp: i.privateIp ? i.privateIp.text.replace(/\/32$/, '') : null, role: i.role });
	}
	for (const lb of vpc.loadBalancers.values()) {
		draft.loadBalancers.push({ name: lb.name, subnets: lb.subnets.map((s) => s.name), securityGroups: lb.securityGroups.map((g) => g.name), targets: lb.targets.map((t) => t.name), scheme: lb.scheme, type: lb.type, listeners: lb.listeners ?? [], targetPort: lb.targetPort });
	}
	for (const g of vpc.securityGroups.values()) {
		draft.securityGroups.push({ name: g.name, inbound: g.inbound.map((r) => r.text), outbound: g.outboundDeclared ? g.outbound.map((r) => r.text) : null });
	}
	for (const n of vpc.nacls.values()) draft.nacls.push({ name: n.name, inbound: n.inbound.map((r) => r.text), outbound: n.outbound.map((r) => r.text) });
	for (const d of analysis.diagnostics) {
		if (d.code === 'unsupported-resource' || d.code === 'unresolved-value' || d.severity === 'error') draft.notes.push(`template line ${d.line}: ${d.message}`);
	}
	return { drafts: [draft], notes };
}
