import type CloudnotesPlugin from '../main';

/** Topology blocks: code block processors, preview view, editor lint, export commands. */
export function registerTopology(_plugin: CloudnotesPlugin): void {}
