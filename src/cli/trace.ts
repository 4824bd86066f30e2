import type { CliIO } from './io';

/** `cloudnotes trace`: being written (see the topology and cards issues). */
export async function runTrace(_args: readonly string[], io: CliIO): Promise<number> {
	io.err('cloudnotes trace: not available yet');
	return 2;
}
