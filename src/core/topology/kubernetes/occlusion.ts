/** Facts of a `kubernetes` block worth hiding in its diagram: which pods a Service selects, which NetworkPolicy admits a pair. */
import { markdownCode, markdownText as text } from '../../markdown/escape';
import type { CardBlock } from '../shared/cards';
import type { OcclusionFact } from '../shared/occlusion-fact';
import { describeLabels, selectedBy, type KubernetesModel } from './model';
import { policyPairs } from './pairs';

interface Phrases {
	selects(service: string): string;
	selectorWhy(selector: string): string;
	admits(from: string, to: string): string;
	admitsWhy(to: string): string;
}

const ENGLISH: Phrases = {
	selects: (service) => `The diagram hides the links of Service ${service}. Which pods does it select?`,
	selectorWhy: (selector) => `Its selector ${selector} matches their labels.`,
	admits: (from, to) => `Which NetworkPolicy lets ${from} reach ${to}? Its name is hidden in the diagram.`,
	admitsWhy: (to) => `A policy selects ${to}, so it is isolated: only what a policy admits gets in.`,
};

const KOREAN: Phrases = {
	selects: (service) => `다이어그램에서 Service ${service} 의 연결을 가렸다. 선택하는 파드는?`,
	selectorWhy: (selector) => `셀렉터 ${selector} 가 파드의 레이블과 맞는다.`,
	admits: (from, to) => `${from} → ${to} 연결을 허용하는 NetworkPolicy 는? (다이어그램에서 이름을 가림)`,
	admitsWhy: (to) => `${to} 를 선택하는 정책이 있어 격리되었고, 정책이 허용하는 것만 들어온다.`,
};

/** Pairs asked about per block: a policy governs every pair of its namespace. */
const MAX_POLICY_FACTS = 4;

export function kubernetesOcclusionFacts(model: KubernetesModel, block: CardBlock): OcclusionFact[] {
	const say = block.korean ? KOREAN : ENGLISH;
	const facts: OcclusionFact[] = [];
	for (const service of model.services) {
		const pods = selectedBy(model, service);
		if (pods.length === 0 || !service.selector) continue;
		facts.push({
			element: service.resource,
			fact: 'selects',
			line: service.pos.line,
			question: say.selects(text(service.resource)),
			answer: pods.map((w) => w.resource).join(', '),
			explanation: say.selectorWhy(markdownCode(describeLabels(service.selector))),
			detach: true,
			weight: 30,
		});
	}
	let asked = 0;
	for (const pair of policyPairs(model)) {
		if (asked >= MAX_POLICY_FACTS) break;
		const policies = [...new Set(pair.allowed.flatMap((a) => a.by.split(' + ')))].filter((p) => p !== 'open');
		if (policies.length === 0) continue;
		facts.push({
			element: pair.to.resource,
			fact: `admits ${pair.from.resource}`,
			line: pair.to.pos.line,
			question: say.admits(text(pair.from.resource), text(pair.to.resource)),
			answer: policies.join(', '),
			explanation: say.admitsWhy(text(pair.to.resource)),
			scrub: policies,
			weight: 25,
		});
		asked++;
	}
	return facts;
}
