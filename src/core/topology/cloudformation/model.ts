/**
 * A `cloudformation` block's model: the template's network as a VpcModel (so the vpc block's lint,
 * trace, diagram, details and cards apply unchanged), plus what only a template has: the
 * CloudFormation type of each logical id. Several VPCs and their links are `vpc.network`.
 */

import type { FlowSpec } from '../shared/flow-model';
import type { VpcModel } from '../vpc/model';

export interface CloudFormationModel {
	kind: 'cloudformation';
	vpc: VpcModel;
	flows: FlowSpec[];
	tooLarge: boolean;
	/** Logical id -> resource type, for the details panel. */
	types: Map<string, string>;
	/** Resources the template declares (all of them, modelled or not). */
	declared: number;
}
