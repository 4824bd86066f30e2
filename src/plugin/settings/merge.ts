/**
 * Three-way merge of settings when another device's data.json arrives: what this device changed
 * since its last save or load (and has not saved yet) stays, everything else takes the other
 * device's values. When both changed the same setting, this device's newer edit wins. Pinned
 * notes are a union: a pin keeps a studied note's cards indexed, and a file written by a device
 * that had not seen this device's pin yet must not drop it (pins of deleted or renamed notes are
 * updated on every device by its own vault events).
 */
import type { CloudnotesSettings } from './index';

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function merge3(base: unknown, local: unknown, remote: unknown): unknown {
	if (isRecord(base) && isRecord(local) && isRecord(remote)) {
		const out: Record<string, unknown> = {};
		for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) out[key] = merge3(base[key], local[key], remote[key]);
		return out;
	}
	if (same(local, base)) return remote;
	if (same(remote, base)) return local;
	return local;
}

export function mergeSettings(base: CloudnotesSettings, local: CloudnotesSettings, remote: CloudnotesSettings): CloudnotesSettings {
	const merged = merge3(base, local, remote) as CloudnotesSettings;
	merged.pinnedNotes = [...new Set([...local.pinnedNotes, ...remote.pinnedNotes])];
	return merged;
}
