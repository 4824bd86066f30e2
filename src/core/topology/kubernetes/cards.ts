/** Topology cards of a `kubernetes` block: declared flows and policy-governed pairs with the deciding policy, and which pods each Service selects. */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import { ENGLISH_FLOWS, escapeFlow, escapeResult, flowKey, flowsOf, flowTraceQuery, KOREAN_FLOWS, lineOf, type CardBlock, type Flow, type FlowPhrases, type TopologyCard } from '../shared/cards';
import type { TraceQuery, TraceResult } from '../shared/trace-types';
import { clusterTitle, describeLabels, selectedBy, type KubernetesModel } from './model';
import { policyPairs } from './pairs';

interface KubernetesPhrases {
	allowedBy(rule: string): string;
	openByDefault: string;
	whichPods(service: string): string;
	selects(pods: string[], selector: string): string;
}

const ENGLISH: KubernetesPhrases = {
	allowedBy: (rule) => `Yes: ${rule} allows it (and every other policy on the way lets it through).`,
	openByDefault: 'Yes: no NetworkPolicy isolates either end for this traffic, so it is open.',
	whichPods: (service) => `Which pods does Service ${service} select?`,
	selects: (pods, selector) => `${pods.join(', ')} (selector ${selector}).`,
};

const KOREAN: KubernetesPhrases = {
	allowedBy: (rule) => `예: ${rule} 규칙이 허용한다 (경로의 다른 정책도 통과).`,
	openByDefault: '예: 어느 쪽도 NetworkPolicy 로 격리되지 않아 열려 있다.',
	whichPods: (service) => `Service ${service} 가 선택하는 파드는?`,
	selects: (pods, selector) => `${pods.join(', ')} (셀렉터 ${selector}).`,
};

/** The deciding rules of an allowed trace, in words (`web-allow ingress rule 1`). */
function deciding(result: TraceResult): string | null {
	const rules = result.hops.filter((h) => h.allowed && h.rule && (h.step === 'ingress' || h.step === 'egress')).map((h) => h.rule ?? '');
	return rules.length ? rules.join(', ') : null;
}

export function kubernetesCards(model: KubernetesModel, block: CardBlock, trace: (model: KubernetesModel, query: TraceQuery) => TraceResult): TopologyCard[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const flows: FlowPhrases = block.korean ? KOREAN_FLOWS : ENGLISH_FLOWS;
	const name = `${clusterTitle(model)} #${block.block}`;
	const at = (line: number) => lineOf(line, block);
	const cards: TopologyCard[] = [];
	const answer = (flow: Flow, line: number, key: string, query = flowTraceQuery(flow)): void => {
		const result = trace(model, query);
		const shown = escapeFlow(flow);
		if (!result.allowed) {
			cards.push({ line: at(line), front: flows.canReach(shown), back: flows.refused(escapeResult(result)), key });
			return;
		}
		const rule = deciding(result);
		cards.push({ line: at(line), front: flows.canReach(shown), back: rule ? say.allowedBy(text(rule)) : say.openByDefault, key });
	};
	for (const flow of flowsOf(model)) answer(flow, flow.line, `kubernetes ${name} flow ${flowKey(flow)}`);
	for (const service of model.services) {
		const pods = selectedBy(model, service);
		if (pods.length === 0 || !service.selector) continue;
		cards.push({
			line: at(service.pos.line),
			front: say.whichPods(text(service.name)),
			back: say.selects(pods.map((w) => text(`${w.resource} (${w.kind}${w.replicas !== null && w.kind !== 'Pod' ? ` × ${w.replicas}` : ''})`)), markdownCode(describeLabels(service.selector))),
			key: `kubernetes ${name} selects ${service.resource}`,
		});
	}
	// Pairs a policy governs, on their first declared port: the policy questions of the block.
	// Shown by name when the name is unique in the block, traced by resource (a workload, not a Service of the same name).
	const shownName = (w: (typeof model.workloads)[number]): string => (model.workloads.filter((x) => x.name === w.name).length === 1 ? w.name : w.resource);
	const declared = new Set(flowsOf(model).map((f) => `${f.from} ${f.to}`));
	let asked = 0;
	for (const pair of policyPairs(model)) {
		if (asked >= 6) break;
		const from = shownName(pair.from);
		const to = shownName(pair.to);
		if (declared.has(`${from} ${to}`)) continue;
		const packet = pair.allowed[0]?.packet ?? null;
		const port = packet?.port ?? pair.to.containers.flatMap((c) => c.ports)[0]?.port;
		const proto = packet?.proto === 'UDP' ? 'udp' : 'tcp';
		const flow: Flow = { from, to, proto, line: pair.to.pos.line };
		const query: TraceQuery = { from: pair.from.resource, to: pair.to.resource, proto };
		if (port !== undefined && port !== null) {
			flow.port = port;
			query.port = port;
		}
		answer(flow, pair.to.pos.line, `kubernetes ${name} policy ${pair.from.resource} -> ${pair.to.resource}`, query);
		asked++;
	}
	return cards;
}
