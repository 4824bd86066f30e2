/**
 * Several VPCs in a terraform block: one network read from the AWS provider's peering, transit
 * gateway, endpoint and VPN resources, linted and traced across, each finding at its line.
 */
import { analyzeTopology, toMermaid, trace } from '../../../src/core/topology';
import type { TerraformModel } from '../../../src/core/topology/terraform/model';
import { TF_ASYMMETRIC, TF_BLACKHOLE, TF_MODULES_TGW, TF_ONE_SIDED, TF_OVERLAP, TF_PEERING_CHAIN, TF_S3_ENDPOINT, TF_VPN } from './terraform-network-fixtures';

function analyze(text: string) {
	const analysis = analyzeTopology('terraform', text, 1);
	return { model: analysis.model as TerraformModel, diagnostics: analysis.diagnostics };
}

const lineOf = (text: string, needle: string, after = ''): number => {
	const lines = text.split('\n');
	const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
	return from + lines.slice(from).findIndex((l) => l.includes(needle)) + 1;
};

const tcp = (from: string, to: string, port?: number) => ({ from, to, proto: 'tcp' as const, ...(port === undefined ? {} : { port }) });

describe('terraform: peering', () => {
	const { model, diagnostics } = analyze(TF_PEERING_CHAIN);

	it('makes one network of the three VPCs and both peerings, with no error and nothing unmodelled', () => {
		expect(model.vpc.network.vpcs.map((v) => v.name)).toEqual(['aws_vpc.app', 'aws_vpc.shared', 'aws_vpc.data']);
		expect([...model.vpc.network.peerings.values()].map((p) => [p.name, p.vpcs.map((v) => v.name), p.status])).toEqual([
			['aws_vpc_peering_connection.app_shared', ['aws_vpc.app', 'aws_vpc.shared'], 'active'],
			['aws_vpc_peering_connection.shared_data', ['aws_vpc.shared', 'aws_vpc.data'], 'active'],
		]);
		expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
		expect(diagnostics.filter((d) => d.code === 'unsupported-resource')).toEqual([]);
	});

	it('carries web -> ldap over the peering and refuses web -> db: peering is not transitive', () => {
		const ok = trace(model, tcp('aws_instance.web', 'aws_instance.ldap', 636));
		expect(ok.allowed).toBe(true);
		expect(ok.hops.find((h) => h.step === 'vpc peering')?.resource).toBe('aws_vpc_peering_connection.app_shared');
		const refused = trace(model, tcp('aws_instance.web', 'aws_instance.db', 5432));
		expect(refused.allowed).toBe(false);
		const hop = refused.hops[refused.blockedAt ?? -1];
		expect(hop).toMatchObject({ resource: 'aws_vpc_peering_connection.app_shared', step: 'vpc peering' });
		expect(hop?.reason).toMatch(/not transitive/);
	});

	it('draws every VPC and the peerings between them', () => {
		const drawn = new Set(toMermaid(model).nodes.map((n) => n.resource));
		for (const name of ['aws_vpc.app', 'aws_vpc.shared', 'aws_vpc.data', 'aws_vpc_peering_connection.app_shared', 'aws_vpc_peering_connection.shared_data']) expect(drawn).toContain(name);
	});

	it('a peering not auto-accepted (and with no accepter) is pending: routes into it are warned', () => {
		const pending = analyze(TF_PEERING_CHAIN.replace(/auto_accept = true/g, ''));
		const warned = pending.diagnostics.filter((d) => d.code === 'peering-not-active');
		expect(warned.length).toBeGreaterThan(0);
		const accepted = analyze(
			TF_PEERING_CHAIN.replace(/auto_accept = true/g, '') +
				['app_shared', 'shared_data'].map((p) => `resource "aws_vpc_peering_connection_accepter" "${p}" {\n  vpc_peering_connection_id = aws_vpc_peering_connection.${p}.id\n  auto_accept = true\n}\n`).join(''),
		);
		expect(accepted.diagnostics.filter((d) => d.code === 'peering-not-active')).toEqual([]);
	});

	it('warns at the aws_route line of a one-sided peering route; trace refuses at the reply', () => {
		const { model: m, diagnostics: d } = analyze(TF_ONE_SIDED);
		const warning = d.find((x) => x.code === 'peering-one-sided');
		expect(warning).toMatchObject({ severity: 'warning', line: lineOf(TF_ONE_SIDED, 'resource "aws_route" "to_right"') });
		expect(warning?.message).toMatch(/no route table of `aws_vpc\.right` sends 10\.10\.0\.0\/16/);
		const r = trace(m, tcp('aws_instance.client', 'aws_instance.server', 80));
		expect(r.allowed).toBe(false);
		expect(r.hops[r.blockedAt ?? -1]?.step).toBe('route table (reply)');
	});

	it('a route to a peering the block does not create (an id as text) is listed at its line, not traced', () => {
		const text = TF_ONE_SIDED.replace('aws_vpc_peering_connection.left_right.id\n}', '"pcx-0abc1234"\n}');
		const info = analyze(text).diagnostics.find((d) => d.message.includes('pcx-0abc1234'));
		expect(info).toMatchObject({ code: 'unsupported-resource', severity: 'info', line: lineOf(text, 'resource "aws_route" "to_right"') });
		expect(info?.message).toMatch(/leads to `pcx-0abc1234`, which this block does not create; trace ignores it/);
	});

	it('overlapping CIDRs on a peering: an error at the peering, naming both VPCs', () => {
		const error = analyze(TF_OVERLAP).diagnostics.find((d) => d.code === 'peering-overlap');
		expect(error).toMatchObject({ severity: 'error', line: lineOf(TF_OVERLAP, 'resource "aws_vpc_peering_connection"') });
		expect(error?.message).toMatch(/`aws_vpc\.one` \(10\.50\.0\.0\/16\).*`aws_vpc\.two` \(10\.50\.128\.0\/17\)/);
	});
});

describe('terraform: transit gateway', () => {
	const { model, diagnostics } = analyze(TF_BLACKHOLE);

	it('reads the attachments, both route tables, associations, propagations and the blackhole route', () => {
		const tgw = model.vpc.network.transitGateways.get('aws_ec2_transit_gateway.hub');
		expect([...(tgw?.attachments.keys() ?? [])]).toHaveLength(3);
		// Default association and propagation are off: no default route table.
		expect([...(tgw?.routeTables.keys() ?? [])]).toEqual(['aws_ec2_transit_gateway_route_table.spokes', 'aws_ec2_transit_gateway_route_table.shared']);
		const spokes = tgw?.routeTables.get('aws_ec2_transit_gateway_route_table.spokes');
		expect(spokes?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['10.32.0.0/16 -> blackhole']);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	it('drops app1 -> app2 at the blackhole route, naming the table and the rule', () => {
		const r = trace(model, tcp('aws_instance.app1', 'aws_instance.app2', 443));
		expect(r.allowed).toBe(false);
		expect(r.hops[r.blockedAt ?? -1]).toMatchObject({ resource: 'aws_ec2_transit_gateway_route_table.spokes', step: 'transit gateway route table', rule: '10.32.0.0/16 -> blackhole' });
	});

	it('carries app1 -> probe by propagation, the reply through the other table', () => {
		const r = trace(model, tcp('aws_instance.app1', 'aws_instance.probe', 443));
		expect(r.allowed).toBe(true);
		expect(r.hops.filter((h) => h.step.startsWith('transit gateway route table')).map((h) => h.resource)).toEqual(['aws_ec2_transit_gateway_route_table.spokes', 'aws_ec2_transit_gateway_route_table.shared']);
	});

	it('with the defaults on, every attachment is associated with and propagates into the default table', () => {
		const m = analyze(TF_BLACKHOLE.replace(/default_route_table_\w+ = "disable"/g, '').replace(/resource "aws_ec2_transit_gateway_route_table_(association|propagation)"[^}]*}\n/g, '')).model;
		const table = m.vpc.network.transitGateways.get('aws_ec2_transit_gateway.hub')?.routeTables.get('aws_ec2_transit_gateway.hub.association_default_route_table_id');
		expect(table?.associations).toHaveLength(3);
		expect(table?.propagations).toHaveLength(3);
		expect(trace(m, tcp('aws_instance.app2', 'aws_instance.probe', 443)).allowed).toBe(true);
	});
});

describe('terraform: VPC modules on a transit gateway', () => {
	it('routes added to the modules\' tables are kept; a -> b crosses the default route table; only a reaches s3 by endpoint', () => {
		const { model, diagnostics } = analyze(TF_MODULES_TGW);
		expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
		expect(model.vpcs.find((v) => v.name === 'module.vpc_b')?.routeTables.get('module.vpc_b.private_route_table_ids[1]')?.routes.map((r) => `${r.destination.text} -> ${r.target}`)).toEqual(['10.10.0.0/16 -> aws_ec2_transit_gateway.tgw']);
		const r = trace(model, tcp('module.vpc_a.private_subnets[0]', 'module.vpc_b.private_subnets[1]', 443));
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'transit gateway route table')?.resource).toBe('aws_ec2_transit_gateway.tgw.association_default_route_table_id');
		expect(trace(model, tcp('module.vpc_a.private_subnets[1]', 's3')).allowed).toBe(true);
		expect(trace(model, tcp('module.vpc_b.private_subnets[1]', 's3')).allowed).toBe(false);
	});
});

describe('terraform: two transit gateways', () => {
	it('lets replies come back through another transit gateway than the request (TGWs keep no state)', () => {
		const r = trace(analyze(TF_ASYMMETRIC).model, tcp('aws_instance.w1', 'aws_instance.e1', 22));
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'route table (reply)')?.reason).toMatch(/aws_ec2_transit_gateway\.b, another transit gateway than the request's/);
		expect(r.hops.find((h) => h.step === 'transit gateway route table (reply)')?.resource).toBe('aws_ec2_transit_gateway.b.association_default_route_table_id');
	});

	it('refuses when the other transit gateway has no way back to the sender', () => {
		const m = analyze(TF_ASYMMETRIC.replace(/resource "aws_ec2_transit_gateway_vpc_attachment" "b_west" \{[^}]*\}\n/, '')).model;
		const r = trace(m, tcp('aws_instance.w1', 'aws_instance.e1', 22));
		expect(r.allowed).toBe(false);
		expect(r.hops[r.blockedAt ?? -1]).toMatchObject({ step: 'transit gateway route table (reply)' });
	});
});

describe('terraform: gateway endpoint and VPN', () => {
	it('takes worker to s3 through the gateway endpoint (no NAT, no internet gateway); batcher has none', () => {
		const { model, diagnostics } = analyze(TF_S3_ENDPOINT);
		expect(model.vpc.network.endpoints.get('aws_vpc_endpoint.s3')).toMatchObject({ service: 's3', type: 'gateway' });
		const r = trace(model, tcp('aws_instance.worker', 's3'));
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'route table')?.rule).toBe('pl-s3 -> aws_vpc_endpoint.s3');
		expect(trace(model, tcp('aws_instance.batcher', 's3')).allowed).toBe(false);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});

	it('lets the office reach erp when the VPN gateway propagates into the route table, not without', () => {
		const on = analyze(TF_VPN(true)).model;
		expect(on.vpc.network.onPremises.get('aws_customer_gateway.office')?.cidrs.map((c) => c.text)).toEqual(['192.168.0.0/16']);
		const r = trace(on, tcp('aws_customer_gateway.office', 'aws_instance.erp', 443));
		expect(r.allowed).toBe(true);
		expect(r.hops.find((h) => h.step === 'route table (reply)')?.rule).toBe('192.168.0.0/16 -> aws_vpn_gateway.vgw');
		const off = trace(analyze(TF_VPN(false)).model, tcp('aws_customer_gateway.office', 'aws_instance.erp', 443));
		expect(off.allowed).toBe(false);
		expect(off.hops[off.blockedAt ?? -1]).toMatchObject({ step: 'route table (reply)', resource: 'aws_route_table.hybrid' });
	});

	it('a route_table propagating_vgws propagates as aws_vpn_gateway_route_propagation does', () => {
		const text = TF_VPN(false).replace('resource "aws_route_table" "hybrid" {\n', 'resource "aws_route_table" "hybrid" {\n  propagating_vgws = [aws_vpn_gateway.vgw.id]\n');
		expect(trace(analyze(text).model, tcp('aws_customer_gateway.office', 'aws_instance.erp', 443)).allowed).toBe(true);
	});
});
