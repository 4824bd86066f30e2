/**
 * The `terraform` language: a Terraform configuration pasted as is (fences `terraform`, `hcl`,
 * `tf`). Read by our HCL reader, evaluated as far as offline reading knows, its AWS network
 * resources and VPC module calls become VpcModels of one network with the links between them
 * (build.ts), so lint, trace, diagram, details and cards are the vpc block's, positioned in the
 * configuration.
 */
import type { TopologyLanguage } from '../language';
import type { TextSource } from '../shared/text-source';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from '../vpc/cards';
import { lintTerraform } from './lint';
import { resourceCount } from '../vpc/model';
import { isTraceEnd, networkTitle } from '../vpc/network';
import { traceNetwork } from '../vpc/network-trace';
import { buildModel } from './build';
import { terraformDiagram } from './mermaid';
import type { TerraformModel } from './model';
import { terraformResources } from './resources';
import { vpcOcclusionFacts } from '../vpc/occlusion';

const traceModel = guardedTrace(traceNetwork);

export const terraformLanguage: TopologyLanguage<TerraformModel, TextSource> = {
	id: 'terraform',
	fences: ['terraform', 'hcl', 'tf'],
	reads: 'text',
	defaultDirection: 'TB',
	parse: buildModel,
	resourceCount: (model) => Math.max(model.declared, resourceCount(model.vpc)),
	lint: lintTerraform,
	resources: terraformResources,
	title: (model) => networkTitle(model.vpc),
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: (model, name) => isTraceEnd(model.vpc, name),
	endpointHint: 'an instance, database, load balancer, NAT gateway, subnet or interface endpoint (by Terraform address), a customer gateway, `s3`, `dynamodb`, `internet` or an IP',
	trace: (model, query) => traceModel(model.vpc, query),
	mermaid: (model, options) => terraformDiagram(model, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => model.vpc.network.vpcs,
	cards: (model, block) => vpcCards(model.vpc, block, traceModel),
	occlusionFacts: (model, block) => vpcOcclusionFacts(model.vpc, block),
};

export type { TerraformModel } from './model';
