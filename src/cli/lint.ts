import type { CliIO } from './io';

/** `cloudnotes lint`: being written (see the topology and cards issues). */
export async function runLint(_args: readonly string[], io: CliIO): Promise<number> {
	io.err('cloudnotes lint: not available yet');
	return 2;
}
