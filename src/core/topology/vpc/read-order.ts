/**
 * The order every reader of a configuration (a CloudFormation template, a Terraform configuration)
 * fills a VPC in: each pass needs what the earlier ones made (subnets before the gateways that sit
 * in them and the tables they use, groups before the instances that name them, instances before
 * the load balancers that target them).
 */

export interface VpcPasses {
	readSubnets(): void;
	readGateways(): void;
	readRouteTables(): void;
	readSecurityGroups(): void;
	readNacls(): void;
	readInstances(): void;
	readDatabases(): void;
	readLoadBalancers(): void;
}

export function readInOrder(r: VpcPasses): void {
	r.readSubnets();
	r.readGateways();
	r.readRouteTables();
	r.readSecurityGroups();
	r.readNacls();
	r.readInstances();
	r.readDatabases();
	r.readLoadBalancers();
}
