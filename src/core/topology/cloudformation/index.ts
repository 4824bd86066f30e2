/**
 * The `cloudformation` language: a CloudFormation template pasted as is (YAML or JSON, short and
 * long intrinsic forms). Its network resources become a VpcModel (build.ts), so lint, trace,
 * diagram, details and cards are the vpc block's, positioned in the template; what only a
 * template has (resource types we do not model, values not known offline) is added here.
 */
import type { TopologyLanguage } from '../language';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from '../vpc/cards';
import { lintVpc } from '../vpc/lint';
import { resourceCount } from '../vpc/model';
import { isTraceEnd, networkTitle } from '../vpc/network';
import { traceNetwork } from '../vpc/network-trace';
import { vpcDiagram } from '../vpc/mermaid';
import { buildModel } from './build';
import type { CloudFormationModel } from './model';
import { cloudFormationResources } from './resources';
import { vpcOcclusionFacts } from '../vpc/occlusion';

const traceModel = guardedTrace(traceNetwork);

export const cloudFormationLanguage: TopologyLanguage<CloudFormationModel> = {
	id: 'cloudformation',
	fences: ['cloudformation', 'cfn'],
	defaultDirection: 'TB',
	parse: buildModel,
	resourceCount: (model) => Math.max(model.declared, resourceCount(model.vpc)),
	lint: (model, sink) => lintVpc(model.vpc, sink),
	resources: cloudFormationResources,
	title: (model) => networkTitle(model.vpc),
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: (model, name) => isTraceEnd(model.vpc, name),
	endpointHint: 'an instance, database, load balancer, NAT gateway or subnet (by logical id), `internet` or an IP',
	trace: (model, query) => traceModel(model.vpc, query),
	mermaid: (model, options) => vpcDiagram(model.vpc, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => model.vpc.network.vpcs,
	cards: (model, block) => vpcCards(model.vpc, block, traceModel),
	occlusionFacts: (model, block) => vpcOcclusionFacts(model.vpc, block),
};

export type { CloudFormationModel } from './model';
export { buildModel } from './build';
