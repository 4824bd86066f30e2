/**
 * The bundled image logos, read from their packed form (logos.generated.ts) the first time a
 * diagram needs one: inflating 26 KB takes about a millisecond, and a launch that draws no
 * container image never pays it.
 */
import { unpackJson } from '../../../packed-json';
import type { IconData } from './pack';
import { PACKED_LOGOS } from './logos.generated';

let logos: Record<string, IconData> | null = null;

/** Logo id -> icon; each body wrapped in a class naming the logo (tests and styles find it by class). */
export function logoIcons(): Record<string, IconData> {
	logos ??= unpack(PACKED_LOGOS);
	return logos;
}

function unpack(base64: string): Record<string, IconData> {
	const table = unpackJson<Record<string, [number, number, string]>>(base64);
	const out: Record<string, IconData> = {};
	for (const [id, [width, height, body]] of Object.entries(table)) out[id] = { width, height, body: `<g class="cloudnotes-logo cloudnotes-logo-${id}">${body}</g>` };
	return out;
}
