/** The details panel of a `cloudformation` block: the vpc block's, each resource also showing its CloudFormation type. */

import type { ResourceInfo } from '../shared/resource-info';
import { vpcResources } from '../vpc/resources';
import type { CloudFormationModel } from './model';

export function cloudFormationResources(model: CloudFormationModel): ResourceInfo[] {
	const out = vpcResources(model.vpc).map((info) => {
		const type = model.types.get(info.name);
		return type ? { ...info, details: [{ label: 'CloudFormation type', value: type }, ...info.details] } : info;
	});
	return out;
}
