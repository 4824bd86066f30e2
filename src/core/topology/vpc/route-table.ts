/**
 * Route tables: every table carries the implicit local route (VPC CIDR -> local); lookup is
 * longest-prefix match, as in AWS.
 */

import { cidrContains, type Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';

export interface Route {
	destination: Cidr;
	/** `local`, the internet gateway's name or a NAT gateway's name. */
	target: string;
	pos: Pos;
}

export interface RouteTable {
	name: string;
	pos: Pos;
	routes: Route[];
}

export interface RouteChoice {
	destination: Cidr;
	target: string;
	/** The implicit VPC-local route (not written in the note). */
	implicitLocal: boolean;
}

/** The route a packet to `dest` takes; null when no route covers it (it is dropped). */
export function lookupRoute(table: RouteTable | null, vpcCidr: Cidr | null, dest: Cidr): RouteChoice | null {
	let best: RouteChoice | null = vpcCidr && cidrContains(vpcCidr, dest) ? { destination: vpcCidr, target: 'local', implicitLocal: true } : null;
	for (const route of table?.routes ?? []) {
		if (!cidrContains(route.destination, dest)) continue;
		if (!best || route.destination.prefix > best.destination.prefix) {
			best = { destination: route.destination, target: route.target, implicitLocal: false };
		}
	}
	return best;
}

export function describeRoute(choice: RouteChoice): string {
	return `${choice.destination.text} -> ${choice.target}`;
}
