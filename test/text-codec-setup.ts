/**
 * jsdom's test environment leaves out TextDecoder and TextEncoder, which every runtime the plugin
 * runs in has (Obsidian's Electron and mobile webviews, Node): the packed tables are read with them.
 */
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder, TextEncoder });
