/**
 * A Terraform block linted: its network (every VPC and what links them) as the vpc block is, with
 * what the vpc model cannot say itself taken into account: a subnet inside a secondary CIDR block
 * is inside its VPC, and a classic load balancer (aws_elb) may sit in one subnet (a warning, not
 * the ALB's error).
 */

import { cidrContains } from '../shared/cidr';
import { DiagnosticSink } from '../shared/diagnostic';
import { lintVpc } from '../vpc/lint';
import type { TerraformModel } from './model';

export function lintTerraform(model: TerraformModel, sink: DiagnosticSink): void {
	const own = new DiagnosticSink();
	lintVpc(model.vpc, own);
	for (const d of own.list) {
		const named = /`([^`]+)`/.exec(d.message)?.[1] ?? '';
		if (d.code === 'subnet-outside-vpc') {
			const vpc = model.vpcs.find((v) => v.subnets.has(named));
			const cidr = vpc?.subnets.get(named)?.cidr;
			if (vpc && cidr && (model.secondaryCidrs.get(vpc.name) ?? []).some((c) => cidrContains(c, cidr))) continue;
		}
		if (d.code === 'lb-single-zone' && model.classicLoadBalancers.has(named)) {
			sink.add(d, 'lb-single-zone', `classic load balancer \`${named}\` has subnets in fewer than two zones; one zone down takes it down: add a subnet in another zone`, 'warning');
			continue;
		}
		sink.add(d, d.code as Parameters<DiagnosticSink['add']>[1], d.message, d.severity);
	}
}
