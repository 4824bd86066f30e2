/**
 * A topology block's own card choices, written after the language on its opening fence, the same
 * for every language (a YAML key would be a different key in each, and an unknown one to
 * CloudFormation and Kubernetes):
 *
 *     ```vpc cards=occlusion,trace-drill cards-max=6
 *
 * `cards=` names the kinds this block makes (`topology`, `occlusion`, `trace-drill`, or `all`,
 * `none`), replacing the settings' choice for it; `cards-max=N` replaces the per-block cap.
 * Other words are left alone (Obsidian and the garden read only the first word).
 */
import { TOPOLOGY_CARD_KINDS, type TopologyCardKind } from './card';

export interface BlockCardOptions {
	kinds: readonly TopologyCardKind[] | null;
	cap: number | null;
}

const KIND_NAMES: Record<string, readonly TopologyCardKind[]> = {
	all: TOPOLOGY_CARD_KINDS,
	none: [],
	topology: ['topology'],
	text: ['topology'],
	occlusion: ['occlusion'],
	'trace-drill': ['trace-drill'],
	drill: ['trace-drill'],
};

export function blockCardOptions(info: string): BlockCardOptions {
	const options: BlockCardOptions = { kinds: null, cap: null };
	for (const word of info.split(/\s+/).slice(1)) {
		const eq = word.indexOf('=');
		if (eq < 0) continue;
		const key = word.slice(0, eq).toLowerCase();
		const value = word.slice(eq + 1).toLowerCase();
		if (key === 'cards') {
			const kinds = new Set<TopologyCardKind>();
			for (const name of value.split(',')) for (const kind of KIND_NAMES[name.trim()] ?? []) kinds.add(kind);
			options.kinds = TOPOLOGY_CARD_KINDS.filter((k) => kinds.has(k));
		} else if (key === 'cards-max' && /^\d{1,4}$/.test(value)) {
			options.cap = Number(value);
		}
	}
	return options;
}
