/**
 * A `terraform` block's model: each VPC the configuration creates as a VpcModel, all of one
 * network with the links between them (so the vpc block's lint, trace, diagram, details and cards
 * apply unchanged), named by Terraform addresses,
 * plus what only a configuration has: the resource type of each address and the modules other
 * than the VPC module, drawn as one box each with their inputs.
 */

import type { Cidr } from '../shared/cidr';
import type { Pos } from '../shared/diagnostic';
import type { FlowSpec } from '../shared/flow-model';
import type { VpcModel } from '../vpc/model';

export interface ModuleBox {
	/** `module.eks`, `module.db["a"]`. */
	name: string;
	pos: Pos;
	source: string;
	inputs: { name: string; value: string }[];
}

export interface TerraformModel {
	kind: 'terraform';
	/** Every VPC of the block, in the block's order (aws_vpc resources and VPC module calls): `vpc.network.vpcs`. */
	vpcs: VpcModel[];
	/** The first VPC: the block's title, where flows are declared. */
	vpc: VpcModel;
	flows: FlowSpec[];
	tooLarge: boolean;
	/** Address -> Terraform resource type (or the module source), for the details panel. */
	types: Map<string, string>;
	modules: ModuleBox[];
	/** VPC name -> its secondary CIDR blocks (local routes in every table; subnets may sit in them). */
	secondaryCidrs: Map<string, Cidr[]>;
	/** Classic load balancers (aws_elb): one subnet is allowed, so one zone is a warning, not an error. */
	classicLoadBalancers: Set<string>;
	/** Resource instances and module calls the block declares (modelled or not). */
	declared: number;
}
