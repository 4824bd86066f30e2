/** The shapes of a reachability answer, shared by the VPC and container tracers. */

export interface TraceQuery {
	from: string;
	to: string;
	port?: number;
	proto?: 'tcp' | 'udp' | 'icmp' | 'all';
}

export interface TraceHop {
	resource: string;
	/** e.g. 'security group outbound', 'nacl inbound', 'route table', 'nacl outbound (reply)'. */
	step: string;
	allowed: boolean;
	/** The rule text that decided, or `*` for a NACL's final deny. */
	rule?: string;
	/** A sentence. */
	reason: string;
}

export interface TraceResult {
	allowed: boolean;
	hops: TraceHop[];
	/** Index into hops of the refusing hop. */
	blockedAt?: number;
	summary: string;
	/** Resource names along the way, for highlighting. */
	path: string[];
}

/** Collects hops; the first refused hop ends the leg. */
export class HopLog {
	readonly hops: TraceHop[] = [];
	/** How each hop is named in a summary ("app-nacl inbound"), when not "<resource> <step>". */
	readonly places: (string | undefined)[] = [];

	add(resource: string, step: string, allowed: boolean, reason: string, rule?: string, place?: string): boolean {
		const hop: TraceHop = { resource, step, allowed, reason };
		if (rule !== undefined) hop.rule = rule;
		this.hops.push(hop);
		this.places.push(place);
		return allowed;
	}

	/** Drops the last hop (a leg's "destination" when the path goes on). */
	pop(): void {
		this.hops.pop();
		this.places.pop();
	}

	get blocked(): boolean {
		return this.hops.some((h) => !h.allowed);
	}
}

export function finishTrace(log: HopLog, allowedSummary: string, pathNames: (name: string) => boolean): TraceResult {
	const blockedAt = log.hops.findIndex((h) => !h.allowed);
	const path: string[] = [];
	for (const hop of log.hops) if (pathNames(hop.resource) && !path.includes(hop.resource)) path.push(hop.resource);
	if (blockedAt === -1) return { allowed: true, hops: log.hops, summary: allowedSummary, path };
	const hop = log.hops[blockedAt];
	const place = log.places[blockedAt] ?? `${hop.resource} ${hop.step}`;
	return { allowed: false, hops: log.hops, blockedAt, summary: `Refused at ${place}: ${hop.reason}`, path };
}

export function refusedOutright(summary: string, resource: string, step: string): TraceResult {
	return { allowed: false, hops: [{ resource, step, allowed: false, reason: summary }], blockedAt: 0, summary, path: [] };
}

/** A language's tracer behind the checks every trace gets: a bad port is refused, a tracer bug becomes a refusal the user can quote. */
export function guardedTrace<M>(traceModel: (model: M, query: TraceQuery) => TraceResult): (model: M, query: TraceQuery) => TraceResult {
	return (model, query) => {
		if (query.port !== undefined && (!Number.isInteger(query.port) || query.port < 0 || query.port > 65535)) {
			return refusedOutright(`${query.port} is not a port (0-65535)`, query.to, 'query');
		}
		try {
			return traceModel(model, query);
		} catch (e) {
			// A tracer bug must not take the editor down.
			return refusedOutright(`could not trace: ${e instanceof Error ? e.message : String(e)}`, query.from, 'trace');
		}
	};
}
