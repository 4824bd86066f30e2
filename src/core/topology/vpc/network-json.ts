/**
 * What joins a block's VPCs, as the plain JSON of `cloudnotes model` (`links`; a public interface
 * like model-json.ts: the fields named in docs/cli.md stay). Read from the shared `Network`, so
 * every language that fills it (vpc, cloudformation, terraform, the AWS CLI import) prints the
 * same shape. `line` is the note line the model holds for the resource (null when it has none).
 */

import type { Pos } from '../shared/diagnostic';
import type { Ref } from './links';
import type { Network } from './model';
import { vpcNamed, vpnRanges } from './network';

export interface LinksJson {
	peerings: { id: string; line: number | null; vpcs: [string, string]; status: string; cidrs: [string | null, string | null]; outside: string | null }[];
	transitGateways: {
		id: string;
		line: number | null;
		attachments: { id: string; line: number | null; vpc: string | null; vpn: string | null; subnets: string[] }[];
		routeTables: {
			id: string;
			line: number | null;
			associations: string[];
			propagations: string[];
			routes: { destination: string; target: string; blackhole: boolean; line: number | null }[];
		}[];
	}[];
	endpoints: { id: string; line: number | null; vpc: string | null; type: 'gateway' | 'interface'; service: string; routeTables: string[]; subnets: string[]; securityGroups: string[]; policy: boolean }[];
	vpnGateways: { id: string; line: number | null; vpc: string | null; propagates: string[] }[];
	customerGateways: { id: string; line: number | null; ip: string | null; cidrs: string[] }[];
	vpnConnections: {
		id: string;
		line: number | null;
		customerGateway: string | null;
		vpnGateway: string | null;
		transitGateway: string | null;
		routing: 'static' | 'bgp';
		/** What the connection makes reachable: its static routes, or with BGP its site's ranges. */
		ranges: string[];
	}[];
}

/** Line 0 is how readers mark a resource with no place in the note (one made by an importer). */
const lineOf = (pos: Pos | undefined): number | null => (pos && pos.line > 0 ? pos.line : null);
const names = (refs: readonly Ref[]): string[] => refs.map((r) => r.name);

/** A block with no VPC (a configuration that declares none yet) has no links either. */
export function linksJson(network: Network | null): LinksJson {
	if (!network) return { peerings: [], transitGateways: [], endpoints: [], vpnGateways: [], customerGateways: [], vpnConnections: [] };
	return {
		peerings: [...network.peerings.values()].map((p) => ({
			id: p.name,
			line: lineOf(p.pos),
			vpcs: [p.vpcs[0].name, p.vpcs[1].name],
			status: p.status,
			cidrs: [vpcNamed(network, p.vpcs[0].name)?.cidr?.text ?? null, vpcNamed(network, p.vpcs[1].name)?.cidr?.text ?? null],
			outside: p.outside ?? null,
		})),
		transitGateways: [...network.transitGateways.values()].map((t) => ({
			id: t.name,
			line: lineOf(t.pos),
			attachments: [...t.attachments.values()].map((a) => ({ id: a.name, line: lineOf(a.pos), vpc: a.vpc?.name ?? null, vpn: a.vpn?.name ?? null, subnets: names(a.subnets) })),
			routeTables: [...t.routeTables.values()].map((rt) => ({
				id: rt.name,
				line: lineOf(rt.pos),
				associations: names(rt.associations),
				propagations: names(rt.propagations),
				routes: rt.routes.map((r) => ({ destination: r.destination.text, target: r.target, blackhole: r.target === 'blackhole', line: lineOf(r.pos) })),
			})),
		})),
		endpoints: [...network.endpoints.values()].map((e) => ({
			id: e.name,
			line: lineOf(e.pos),
			vpc: e.vpc?.name ?? null,
			type: e.type,
			service: e.service,
			routeTables: names(e.routeTables),
			subnets: names(e.subnets),
			securityGroups: names(e.securityGroups),
			policy: e.policy,
		})),
		vpnGateways: [...network.vpnGateways.values()].map((g) => ({ id: g.name, line: lineOf(g.pos), vpc: g.vpc?.name ?? null, propagates: names(g.propagates) })),
		customerGateways: [...network.onPremises.values()].map((s) => ({ id: s.name, line: lineOf(s.pos), ip: s.ip, cidrs: s.cidrs.map((c) => c.text) })),
		vpnConnections: [...network.vpnConnections.values()].map((v) => ({
			id: v.name,
			line: lineOf(v.pos),
			customerGateway: v.customerGateway?.name ?? null,
			vpnGateway: v.vpnGateway?.name ?? null,
			transitGateway: v.transitGateway?.name ?? null,
			routing: v.staticRoutes ? 'static' : 'bgp',
			ranges: vpnRanges(network, v).map((c) => c.text),
		})),
	};
}
