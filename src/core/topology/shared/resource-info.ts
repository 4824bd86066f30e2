/**
 * What the side panel shows when a diagram node is clicked: every resource of a block, with its
 * settings explained in plain English. Each language lists its own; these are the shapes and helpers.
 */

/** A resource's type, as its language names it (`subnet`, `service`, `internet`...): shown, and used as a CSS hook. */
export type ResourceType = string;

export interface ResourceDetail {
	label: string;
	value: string;
}

export interface ResourceInfo {
	name: string;
	type: ResourceType;
	line: number;
	drawn: boolean;
	details: ResourceDetail[];
}

export const MAX_LISTED = 20;

export function listed(items: string[], none = 'none'): string {
	if (items.length === 0) return none;
	return items.length > MAX_LISTED ? `${items.slice(0, MAX_LISTED).join('; ')}; … (${items.length - MAX_LISTED} more)` : items.join('; ');
}

/** Memoised per key: many resources share a group, a policy or a table. */
export function memo<K, V>(compute: (key: K) => V): (key: K) => V {
	const cache = new Map<K, V>();
	return (key) => {
		let value = cache.get(key);
		if (value === undefined) {
			value = compute(key);
			cache.set(key, value);
		}
		return value;
	};
}
