/** The `containers` language: a Docker Compose file as it is (services, networks, volumes, published ports), plus an optional `host:`. */
import type { TopologyLanguage } from '../language';
import { guardedTrace } from '../shared/trace-types';
import { containersCards } from './cards';
import { lintContainers } from './lint';
import { containersDiagram } from './mermaid';
import { hostName, type ContainersModel } from './model';
import { parseContainers } from './parse';
import { containersResources } from './resources';
import { traceContainers } from './trace';
import { containersOcclusionFacts } from './occlusion';

const trace = guardedTrace(traceContainers);

export const containersLanguage: TopologyLanguage<ContainersModel> = {
	id: 'containers',
	fences: ['containers'],
	defaultDirection: 'LR',
	mergesDocuments: true,
	parse: parseContainers,
	resourceCount: (model) => 1 + model.services.size + model.networks.size + model.volumes.size,
	lint: lintContainers,
	resources: containersResources,
	title: hostName,
	endpointTypes: new Set(['internet', 'service', 'host']),
	isEndpoint: (model, name) => model.services.has(name) || name === hostName(model) || name === 'host',
	endpointHint: 'a service, the host or `internet`',
	trace,
	mermaid: (model, options) => containersDiagram(model, options.colors, options.direction ?? 'LR', options.icons ?? false),
	occlusionFacts: containersOcclusionFacts,
	cards: (model, block) => containersCards(model, block, trace),
};

export type { ContainersModel } from './model';
