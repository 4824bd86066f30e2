/** The details panel of a `cloudformation` block: the vpc block's, each resource also showing its CloudFormation type. */

import type { ResourceInfo } from '../shared/resource-info';
import { vpcResources } from '../vpc/resources';
import type { CloudFormationModel } from './model';

export function cloudFormationResources(model: CloudFormationModel): ResourceInfo[] {
	const out = vpcResources(model.vpc).map((info) => {
		const type = model.types.get(info.name);
		return type ? { ...info, details: [{ label: 'CloudFormation type', value: type }, ...info.details] } : info;
	});
	for (const peering of model.peerings) {
		const routes = peering.routes.map((r) => `${r.subnet}: ${r.destination}`);
		out.push({
			name: peering.name,
			type: 'vpc-peering',
			line: peering.pos.line,
			drawn: true,
			details: [
				{ label: 'CloudFormation type', value: 'AWS::EC2::VPCPeeringConnection' },
				{ label: 'Peer VPC', value: peering.peer },
				{ label: 'Routes to it', value: routes.length ? routes.join('; ') : 'none' },
				{ label: 'Trace', value: 'not traced across yet: a trace stops at the peering' },
			],
		});
	}
	return out;
}
