/** The details panel of a `terraform` block: the vpc block's, each resource also showing its Terraform type; other modules with their inputs. */

import type { ResourceInfo } from '../shared/resource-info';
import { typedVpcResources } from '../vpc/resources';
import type { TerraformModel } from './model';

export function terraformResources(model: TerraformModel): ResourceInfo[] {
	const out = typedVpcResources(model.vpc, model.types, 'Terraform type');
	for (const box of model.modules) {
		out.push({
			name: box.name,
			type: 'module',
			line: box.pos.line,
			drawn: true,
			details: [{ label: 'Source', value: box.source || '(none)' }, ...box.inputs.map((i) => ({ label: i.name, value: i.value })), { label: 'Trace', value: 'not traced: only terraform-aws-modules/vpc/aws is expanded' }],
		});
	}
	return out;
}
