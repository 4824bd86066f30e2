/**
 * The topology languages, listed once. The plugin registers a code block processor per fence name,
 * the command line and the card extractor find blocks by these fences, and everything else asks
 * the language of a block or a model; adding a language is adding its folder and one line here.
 */
import { findFencedBlocks, splitLines, type FencedBlock } from '../markdown/fences';
import { cloudFormationLanguage } from './cloudformation';
import { containersLanguage } from './containers';
import type { AnyTopologyLanguage, TopologyModel } from './language';
import { kubernetesLanguage } from './kubernetes';
import { terraformLanguage } from './terraform';
import { vpcLanguage } from './vpc';

export const TOPOLOGY_LANGUAGES: readonly AnyTopologyLanguage[] = [vpcLanguage, containersLanguage, cloudFormationLanguage, kubernetesLanguage, terraformLanguage];

const byFence = new Map<string, AnyTopologyLanguage>();
const byId = new Map<string, AnyTopologyLanguage>();
for (const language of TOPOLOGY_LANGUAGES) {
	byId.set(language.id, language);
	for (const fence of language.fences) byFence.set(fence, language);
}

/** Every fence name that opens a topology block, aliases included. */
export const TOPOLOGY_FENCES: readonly string[] = [...byFence.keys()];

export function languageForFence(fence: string): AnyTopologyLanguage | undefined {
	return byFence.get(fence);
}

export function languageById(id: string): AnyTopologyLanguage | undefined {
	return byId.get(id);
}

/** The language of a model (by its `kind`); a model always comes from a registered language. */
export function languageOf(model: TopologyModel): AnyTopologyLanguage {
	const language = byId.get(model.kind);
	if (!language) throw new Error(`no topology language "${model.kind}"`);
	return language;
}

export function isTopologyFence(fence: string): boolean {
	return byFence.has(fence);
}

/** A note's topology block: the fenced block, and the language its fence names. */
export type TopologyFencedBlock = FencedBlock & { kind: string };

/** The note's topology blocks, in order (the CLI's `--block N` counts these from 1); `kind` is the language id (an alias fence gives its language's id). */
export function findTopologyBlocks(text: string): TopologyFencedBlock[] {
	const out: TopologyFencedBlock[] = [];
	for (const block of findFencedBlocks(splitLines(text))) {
		const language = byFence.get(block.language);
		if (language) out.push({ ...block, kind: language.id });
	}
	return out;
}
