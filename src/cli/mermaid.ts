import type { CliIO } from './io';

/** `cloudnotes mermaid`: being written (see the topology and cards issues). */
export async function runMermaid(_args: readonly string[], io: CliIO): Promise<number> {
	io.err('cloudnotes mermaid: not available yet');
	return 2;
}
