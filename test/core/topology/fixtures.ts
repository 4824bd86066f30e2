import { analyzeTopology, type ContainersModel, type TopologyAnalysis, type VpcModel } from '../../../src/core/topology';

/** Small blocks are written indented inside template literals; strip the common indent. */
export function dedent(text: string): string {
	const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
	const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
	return lines.map((l) => l.slice(indent)).join('\n');
}

export function vpc(yaml: string, firstLine = 1): TopologyAnalysis {
	return analyzeTopology('vpc', dedent(yaml), firstLine);
}

export function containers(yaml: string, firstLine = 1): TopologyAnalysis {
	return analyzeTopology('containers', dedent(yaml), firstLine);
}

export function codes(analysis: TopologyAnalysis): string[] {
	return analysis.diagnostics.map((d) => d.code);
}

/** The block's model, as one of the languages these tests know (narrowed by its `kind`). */
export function modelOf(analysis: TopologyAnalysis): VpcModel | ContainersModel {
	if (!analysis.model) throw new Error('no model');
	return analysis.model as VpcModel | ContainersModel;
}

/** The example VPC: ALB in two zones, bastion, NAT, app NACL with ephemeral return. */
export const SHOP = `
name: shop
cidr: 10.0.0.0/16
region: ap-northeast-2
internet-gateway: igw
subnets:
  public-a:  { cidr: 10.0.1.0/24,  zone: ap-northeast-2a, route-table: public }
  public-c:  { cidr: 10.0.2.0/24,  zone: ap-northeast-2c, route-table: public }
  app-a:     { cidr: 10.0.11.0/24, zone: ap-northeast-2a, route-table: private-a, nacl: app-nacl }
route-tables:
  public:    { 0.0.0.0/0: igw }
  private-a: { 0.0.0.0/0: nat-a }
nat-gateways:
  nat-a: { subnet: public-a }
instances:
  bastion: { subnet: public-a, public-ip: true, security-groups: [bastion-sg] }
  web:     { subnet: app-a, security-groups: [web-sg] }
  db:      { subnet: app-a, security-groups: [db-sg], role: database }
load-balancers:
  alb: { subnets: [public-a, public-c], security-groups: [alb-sg], targets: [web] }
security-groups:
  alb-sg:     { inbound: ["tcp 80,443 from 0.0.0.0/0"] }
  bastion-sg: { inbound: ["tcp 22 from 203.0.113.0/24"] }
  web-sg:     { inbound: ["tcp 8080 from alb-sg", "tcp 22 from bastion-sg"] }
  db-sg:      { inbound: ["tcp 3306 from web-sg"], outbound: ["all to 10.0.0.0/16"] }
nacls:
  app-nacl:
    inbound:  ["100 allow tcp 8080 from 10.0.0.0/16", "110 allow tcp 1024-65535 from 0.0.0.0/0"]
    outbound: ["100 allow all to 0.0.0.0/0"]
`;
