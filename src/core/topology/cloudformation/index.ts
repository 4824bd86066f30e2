/**
 * The `cloudformation` language: a CloudFormation template pasted as is (YAML or JSON, short and
 * long intrinsic forms). Its network resources become a VpcModel (build.ts), so lint, trace,
 * diagram, details and cards are the vpc block's, positioned in the template; what only a
 * template has (resource types we do not model, values not known offline, peerings) is added here.
 */
import type { TopologyLanguage } from '../language';
import { parseCidr } from '../shared/cidr';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from '../vpc/cards';
import { lintVpc } from '../vpc/lint';
import { resourceCount } from '../vpc/model';
import { traceVpc } from '../vpc/trace';
import { buildModel } from './build';
import { cloudFormationDiagram } from './mermaid';
import type { CloudFormationModel } from './model';
import { cloudFormationResources } from './resources';
import { vpcOcclusionFacts } from '../vpc/occlusion';

const traceModel = guardedTrace(traceVpc);

export const cloudFormationLanguage: TopologyLanguage<CloudFormationModel> = {
	id: 'cloudformation',
	fences: ['cloudformation', 'cfn'],
	defaultDirection: 'TB',
	parse: buildModel,
	resourceCount: (model) => Math.max(model.declared, resourceCount(model.vpc)),
	lint: (model, sink) => lintVpc(model.vpc, sink),
	resources: cloudFormationResources,
	title: (model) => model.vpc.name,
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: (model, name) => {
		const vpc = model.vpc;
		return vpc.instances.has(name) || vpc.loadBalancers.has(name) || vpc.natGateways.has(name) || vpc.subnets.has(name) || parseCidr(name, { allowBareAddress: true }).ok;
	},
	endpointHint: 'an instance, database, load balancer, NAT gateway or subnet (by logical id), `internet` or an IP',
	trace: (model, query) => traceModel(model.vpc, query),
	mermaid: (model, options) => cloudFormationDiagram(model, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => [model.vpc],
	cards: (model, block) => vpcCards(model.vpc, block, traceModel),
	occlusionFacts: (model, block) => vpcOcclusionFacts(model.vpc, block),
};

export type { CloudFormationModel } from './model';
export { buildModel } from './build';
