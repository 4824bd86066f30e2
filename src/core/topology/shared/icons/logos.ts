/**
 * The bundled image logos, read from their packed form (logos.generated.ts) the first time a
 * diagram needs one: inflating 26 KB takes about a millisecond, and a launch that draws no
 * container image never pays it.
 */
import { inflateSync, strFromU8 } from 'fflate';
import type { IconData } from './pack';
import { PACKED_LOGOS } from './logos.generated';

let logos: Record<string, IconData> | null = null;

/** Logo id -> icon; each body wrapped in a class naming the logo (tests and styles find it by class). */
export function logoIcons(): Record<string, IconData> {
	logos ??= unpack(PACKED_LOGOS);
	return logos;
}

function unpack(base64: string): Record<string, IconData> {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	const table = JSON.parse(strFromU8(inflateSync(bytes))) as Record<string, [number, number, string]>;
	const out: Record<string, IconData> = {};
	for (const [id, [width, height, body]] of Object.entries(table)) out[id] = { width, height, body: `<g class="cloudnotes-logo cloudnotes-logo-${id}">${body}</g>` };
	return out;
}
