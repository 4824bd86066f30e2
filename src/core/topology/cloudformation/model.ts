/**
 * A `cloudformation` block's model: the template's network as a VpcModel (so the vpc block's lint,
 * trace, diagram, details and cards apply unchanged), plus what only a template has: the
 * CloudFormation type of each logical id, and VPC peerings (drawn, not traced yet).
 */

import type { Pos } from '../shared/diagnostic';
import type { FlowSpec } from '../shared/flow-model';
import type { VpcModel } from '../vpc/model';

export interface Peering {
	name: string;
	pos: Pos;
	/** The other VPC: a logical id of this template, or what the template says of it. */
	peer: string;
	/** Routes of this VPC's subnets that lead to it (subnet -> destination). */
	routes: { subnet: string; destination: string }[];
}

export interface CloudFormationModel {
	kind: 'cloudformation';
	vpc: VpcModel;
	flows: FlowSpec[];
	tooLarge: boolean;
	/** Logical id -> resource type, for the details panel. */
	types: Map<string, string>;
	peerings: Peering[];
	/** Resources the template declares (all of them, modelled or not). */
	declared: number;
}
