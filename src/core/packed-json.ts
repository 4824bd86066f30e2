/**
 * JSON stored deflated and in base64 inside main.js (the logo table): a third of the bytes of the
 * text itself, and a string literal costs next to nothing to parse at launch. Made by the build
 * (scripts/build-logos.mjs) with Node's zlib. Inflating is not free (the UI text tables, 28 KB,
 * took ~12 ms of CPU the first time, measured in Node): only for tables read on first use, never
 * for what every launch needs.
 */
import { inflateSync, strFromU8 } from 'fflate';

export function unpackJson<T>(base64: string): T {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return JSON.parse(strFromU8(inflateSync(bytes))) as T;
}
