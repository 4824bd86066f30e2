/**
 * The `terraform` language: a Terraform configuration pasted as is (fences `terraform`, `hcl`,
 * `tf`). Read by our HCL reader, evaluated as far as offline reading knows, its AWS network
 * resources and VPC module calls become VpcModels (build.ts), so lint, trace, diagram, details and
 * cards are the vpc block's, positioned in the configuration.
 */
import type { TopologyLanguage } from '../language';
import { parseCidr } from '../shared/cidr';
import type { TextSource } from '../shared/text-source';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from '../vpc/cards';
import { lintTerraform } from './lint';
import { resourceCount, type VpcModel } from '../vpc/model';
import { traceVpc } from '../vpc/trace';
import { buildModel } from './build';
import { terraformDiagram } from './mermaid';
import type { TerraformModel } from './model';
import { terraformResources } from './resources';
import { vpcOcclusionFacts } from '../vpc/occlusion';

const traceModel = guardedTrace(traceVpc);

function holds(vpc: VpcModel, name: string): boolean {
	return vpc.instances.has(name) || vpc.loadBalancers.has(name) || vpc.natGateways.has(name) || vpc.subnets.has(name);
}

/** The VPC a trace runs in: the one holding its ends (a trace does not cross VPCs yet). */
function vpcFor(model: TerraformModel, from: string, to: string): VpcModel {
	return model.vpcs.find((v) => holds(v, from) && (holds(v, to) || !model.vpcs.some((w) => holds(w, to)))) ?? model.vpcs.find((v) => holds(v, to)) ?? model.vpc;
}

export const terraformLanguage: TopologyLanguage<TerraformModel, TextSource> = {
	id: 'terraform',
	fences: ['terraform', 'hcl', 'tf'],
	reads: 'text',
	defaultDirection: 'TB',
	parse: buildModel,
	resourceCount: (model) => Math.max(model.declared, model.vpcs.reduce((n, v) => n + resourceCount(v), 0)),
	lint: lintTerraform,
	resources: terraformResources,
	title: (model) => model.vpc.name,
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: (model, name) => model.vpcs.some((v) => holds(v, name)) || parseCidr(name, { allowBareAddress: true }).ok,
	endpointHint: 'an instance, database, load balancer, NAT gateway or subnet (by Terraform address), `internet` or an IP',
	trace: (model, query) => traceModel(vpcFor(model, query.from, query.to), query),
	mermaid: (model, options) => terraformDiagram(model, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => model.vpcs,
	cards: (model, block) => vpcCards(model.vpc, block, traceModel),
	occlusionFacts: (model, block) => vpcOcclusionFacts(model.vpc, block),
};

export type { TerraformModel } from './model';
