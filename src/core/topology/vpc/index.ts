/** The `vpc` language: an AWS VPC declared in our own YAML (subnets, routes, gateways, security groups, NACLs, instances, load balancers). */
import type { TopologyLanguage } from '../language';
import { guardedTrace } from '../shared/trace-types';
import { vpcCards } from './cards';
import { lintVpc } from './lint';
import { vpcDiagram } from './mermaid';
import { resourceCount, type VpcModel } from './model';
import { parseVpc } from './parse';
import { vpcResources } from './resources';
import { vpcOcclusionFacts } from './occlusion';
import { isTraceEnd, networkTitle } from './network';
import { traceNetwork } from './network-trace';

const trace = guardedTrace(traceNetwork);

export const vpcLanguage: TopologyLanguage<VpcModel> = {
	id: 'vpc',
	fences: ['vpc'],
	defaultDirection: 'TB',
	parse: parseVpc,
	resourceCount,
	lint: lintVpc,
	resources: vpcResources,
	title: networkTitle,
	endpointTypes: new Set(['internet', 'instance', 'load-balancer', 'nat-gateway', 'subnet']),
	isEndpoint: isTraceEnd,
	endpointHint: 'an instance, load balancer, NAT gateway, subnet, interface endpoint, on-premises site, `s3`, `dynamodb`, `internet` or an IP',
	trace,
	mermaid: (model, options) => vpcDiagram(model, options.colors, options.direction ?? 'TB', options.icons ?? false),
	vpcs: (model) => model.network.vpcs,
	cards: (model, block) => vpcCards(model, block, trace),
	occlusionFacts: vpcOcclusionFacts,
};

export type { VpcModel } from './model';
