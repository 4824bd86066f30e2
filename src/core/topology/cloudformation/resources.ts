/** The details panel of a `cloudformation` block: the vpc block's, each resource also showing its CloudFormation type. */

import type { ResourceInfo } from '../shared/resource-info';
import { typedVpcResources } from '../vpc/resources';
import type { CloudFormationModel } from './model';

export function cloudFormationResources(model: CloudFormationModel): ResourceInfo[] {
	return typedVpcResources(model.vpc, model.types, 'CloudFormation type');
}
