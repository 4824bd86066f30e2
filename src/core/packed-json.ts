/**
 * JSON stored deflated and in base64 inside main.js (the logo table, the UI text): about half the
 * bytes of the text itself, and a string literal costs next to nothing to parse at launch. Made
 * by the build (scripts/build-logos.mjs, esbuild.config.mjs) with Node's zlib; read back with our
 * own decoder (inflate.ts, which says why), only when a table is first needed.
 */
import { inflateRaw } from './inflate';

export function unpackJson<T>(base64: string): T {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return JSON.parse(new TextDecoder().decode(inflateRaw(bytes))) as T;
}
