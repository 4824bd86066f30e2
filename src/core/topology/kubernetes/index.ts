/** The `kubernetes` language (alias `k8s`): pasted manifests, drawn, linted and traced through Services and NetworkPolicies. */
import type { TopologyLanguage } from '../language';
import { guardedTrace } from '../shared/trace-types';
import { kubernetesCards } from './cards';
import { lintKubernetes } from './lint';
import { kubernetesDiagram } from './mermaid';
import { clusterTitle, type KubernetesModel } from './model';
import { resolveEnd } from './names';
import { parseKubernetes } from './parse';
import { kubernetesResources } from './resources';
import { traceKubernetes } from './trace';
import { kubernetesOcclusionFacts } from './occlusion';

const trace = guardedTrace(traceKubernetes);

export const kubernetesLanguage: TopologyLanguage<KubernetesModel> = {
	id: 'kubernetes',
	fences: ['kubernetes', 'k8s'],
	multiDocument: true,
	canShowDenied: true,
	defaultDirection: 'LR',
	parse: parseKubernetes,
	resourceCount: (model) => model.namespaces.size + model.workloads.length + model.services.length + model.ingresses.length + model.policies.length,
	lint: lintKubernetes,
	resources: kubernetesResources,
	title: clusterTitle,
	endpointTypes: new Set(['internet', 'workload', 'service', 'ingress']),
	isEndpoint: (model, name) => typeof resolveEnd(model, name, 'destination') !== 'string' || typeof resolveEnd(model, name, 'source') !== 'string',
	endpointHint: 'a workload (`name` or `namespace/name`), a Service (`svc/name`), an Ingress host and path, or `internet`',
	trace,
	mermaid: (model, options) => kubernetesDiagram(model, options.colors, options.direction ?? 'LR', options.showDenied === true),
	occlusionFacts: kubernetesOcclusionFacts,
	cards: (model, block) => kubernetesCards(model, block, trace),
};

export type { KubernetesModel } from './model';
