/**
 * Diagnostics are values, never exceptions: every stage appends to a sink and carries on with
 * whatever part of the model is still sound. Positions are 1-based and point into the NOTE.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
	line: number;
	column: number;
	severity: Severity;
	code: string;
	message: string;
}

/** A 1-based position in the note. */
export interface Pos {
	line: number;
	column: number;
}

/**
 * Every code and the severity it always has, so the same mistake reads the same everywhere.
 * Errors are things AWS or Docker would reject (or that make the picture wrong); warnings are
 * legal but almost certainly not what the author meant; info is housekeeping.
 */
export const DIAGNOSTIC_SEVERITY = {
	'yaml-syntax': 'error',
	'hcl-syntax': 'error',
	'unknown-field': 'error',
	'missing-field': 'error',
	'unknown-reference': 'error',
	'duplicate-name': 'error',
	'reserved-name': 'error',
	'invalid-value': 'error',
	'invalid-rule': 'error',
	'invalid-flow': 'error',
	'too-large': 'error',
	'invalid-cidr': 'error',
	'subnet-outside-vpc': 'error',
	'subnet-overlap': 'error',
	'nat-in-private-subnet': 'warning',
	'public-ip-in-private-subnet': 'warning',
	'nacl-duplicate-rule-number': 'error',
	'nacl-missing-ephemeral': 'warning',
	'sg-open-to-world': 'warning',
	'lb-single-zone': 'error',
	'unused-resource': 'info',
	'flow-blocked': 'warning',
	'invalid-port': 'error',
	'port-conflict': 'error',
	'depends-on-cycle': 'error',
	'internal-network-published-port': 'warning',
	'image-latest-tag': 'warning',
	'outside-reference': 'info',
	'profile-port-conflict': 'warning',
	'selector-matches-nothing': 'warning',
	'target-port-unknown': 'warning',
	'service-without-endpoints': 'warning',
	'policy-isolates-nothing': 'info',
	'dns-egress-blocked': 'warning',
	'ingress-backend-unknown': 'error',
	'host-port': 'warning',
	'host-network': 'warning',
	'unsupported-resource': 'info',
	'unresolved-value': 'warning',
} as const satisfies Record<string, Severity>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY;

export class DiagnosticSink {
	readonly list: Diagnostic[] = [];
	/**
	 * A node shared through an anchor is read once per alias (`<<: *defaults` in five services), so
	 * the same finding at the same place would be reported once per reader; it is said once.
	 */
	private readonly seen = new Set<string>();

	add(pos: Pos, code: DiagnosticCode, message: string, severity: Severity = DIAGNOSTIC_SEVERITY[code]): void {
		const key = `${pos.line}:${pos.column}:${code}:${message}`;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.list.push({ line: pos.line, column: pos.column, severity, code, message });
	}
}

/** Note order, then errors before warnings before info, so output reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
	return list
		.map((d, i) => ({ d, i }))
		.sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
		.map((x) => x.d);
}
