/** Notes and page helpers shared by the topology browser tests. */
import type { Page } from 'playwright-core';
export { SHOP_K8S as TEST_KUBERNETES } from '../core/topology/kubernetes-fixture';

/** A three-tier VPC of about 20 resources (the size the performance target names). */
export const TEST_VPC = `name: test-vpc
cidr: 10.0.0.0/16
internet-gateway: igw
subnets:
  public-a: { cidr: 10.0.1.0/24, zone: az-a, route-table: public-rt }
  public-b: { cidr: 10.0.2.0/24, zone: az-b, route-table: public-rt }
  app-a: { cidr: 10.0.10.0/24, zone: az-a, route-table: private-rt }
  app-b: { cidr: 10.0.11.0/24, zone: az-b, route-table: private-rt }
  db-a: { cidr: 10.0.20.0/24, zone: az-a, route-table: db-rt, nacl: db-nacl }
route-tables:
  public-rt: { 0.0.0.0/0: igw }
  private-rt: { 0.0.0.0/0: nat-a }
  db-rt: {}
nat-gateways:
  nat-a: { subnet: public-a }
load-balancers:
  alb: { subnets: [public-a, public-b], security-groups: [alb-sg], targets: [web-a, web-b], listeners: [443], target-port: 8080 }
instances:
  web-a: { subnet: app-a, security-groups: [web-sg] }
  web-b: { subnet: app-b, security-groups: [web-sg] }
  db: { subnet: db-a, security-groups: [db-sg], role: database }
security-groups:
  alb-sg: { inbound: ["tcp 443 from 0.0.0.0/0"] }
  web-sg: { inbound: ["tcp 8080 from alb-sg"] }
  db-sg: { inbound: ["tcp 5432 from web-sg"] }
nacls:
  db-nacl:
    inbound: ["100 allow tcp 5432 from 10.0.10.0/23"]
    outbound: ["100 allow tcp 1024-65535 to 10.0.10.0/23"]
flows:
  - internet -> alb tcp/443
  - web-a -> db tcp/5432`;

export const TEST_CONTAINERS = `services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    networks: [front]
  api:
    image: example/api:2.1
    networks: [front, back]
    depends_on: [db]
  db:
    image: postgres:16
    networks: [back]
    volumes: ["db-data:/var/lib/postgresql/data"]
networks:
  front: {}
  back: { internal: true }
volumes:
  db-data: {}`;

/** A note with one fenced block, the block starting on note line 3 (content on line 4). */
export function noteWith(kind: 'vpc' | 'containers' | 'kubernetes' | 'k8s' | 'terraform', source: string, title = 'Test'): string {
	return `# ${title}\n\n\`\`\`${kind}\n${source}\n\`\`\`\n`;
}

export function diagramsOf(path: string): string {
	return `section.demo-note[data-path="${path}"] .cloudnotes-diagram`;
}

/** Creates a note in the demo vault (the harness renders it) and waits for its diagrams to settle. */
export async function createNote(page: Page, path: string, text: string, expectedDiagrams = 1): Promise<void> {
	await page.evaluate(async ([p, t]) => {
		await (window as any).app.vault.create(p, t);
	}, [path, text] as const);
	await waitForDiagrams(page, path, expectedDiagrams);
}

export async function modifyNote(page: Page, path: string, text: string): Promise<void> {
	await page.evaluate(async ([p, t]) => {
		const app = (window as any).app;
		await app.vault.modify(app.vault.getFileByPath(p), t);
	}, [path, text] as const);
}

/** Waits until a note shows `count` settled diagrams (none still loading). */
export async function waitForDiagrams(page: Page, path: string, count: number): Promise<void> {
	await page.waitForFunction(
		([sel, n]) => {
			const all = document.querySelectorAll(sel);
			return all.length === n && [...all].every((d) => d.getAttribute('data-state') !== 'loading');
		},
		[diagramsOf(path), count] as const,
		{ timeout: 30_000 },
	);
}

/** A Terraform configuration (fence `terraform`): the VPC module beside plain resources with count, two VPCs in one block. */
export const TEST_TERRAFORM = `provider "aws" {
  region = "ap-northeast-2"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  cidr    = "10.0.0.0/16"
  azs     = ["ap-northeast-2a", "ap-northeast-2c"]

  public_subnets     = ["10.0.1.0/24", "10.0.2.0/24"]
  private_subnets    = ["10.0.11.0/24", "10.0.12.0/24"]
  enable_nat_gateway = true
  single_nat_gateway = true
}

resource "aws_vpc" "lab" {
  cidr_block = "10.9.0.0/16"
}

resource "aws_subnet" "lab" {
  count      = 2
  vpc_id     = aws_vpc.lab.id
  cidr_block = cidrsubnet(aws_vpc.lab.cidr_block, 8, count.index)
}

resource "aws_security_group" "web" {
  vpc_id = module.vpc.vpc_id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  subnet_id                   = module.vpc.public_subnets[0]
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}
`;
