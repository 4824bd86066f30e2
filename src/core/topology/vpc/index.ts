/** The `vpc` language: an AWS VPC declared in our own YAML (subnets, routes, gateways, security groups, NACLs, instances, load balancers). */
import type { TopologyLanguage } from '../language';
import { parseCidr } from '../shared/cidr';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from './cards';
import { lintVpc } from './lint';
import { vpcDiagram } from './mermaid';
import { resourceCount, type VpcModel } from './model';
import { parseVpc } from './parse';
import { vpcResources } from './resources';
import { traceVpc } from './trace';
import { vpcOcclusionFacts } from './occlusion';

const trace = guardedTrace(traceVpc);

export const vpcLanguage: TopologyLanguage<VpcModel> = {
	id: 'vpc',
	fences: ['vpc'],
	defaultDirection: 'TB',
	parse: parseVpc,
	resourceCount,
	lint: lintVpc,
	resources: vpcResources,
	title: (model) => model.name,
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: (model, name) =>
		model.instances.has(name) || model.loadBalancers.has(name) || model.natGateways.has(name) || model.subnets.has(name) || parseCidr(name, { allowBareAddress: true }).ok,
	endpointHint: 'an instance, load balancer, NAT gateway, subnet, `internet` or an IP',
	trace,
	mermaid: (model, options) => vpcDiagram(model, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => [model],
	cards: (model, block) => vpcCards(model, block, trace),
	occlusionFacts: vpcOcclusionFacts,
};

export type { VpcModel } from './model';
