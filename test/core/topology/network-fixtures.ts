/**
 * Small several-VPC blocks, one per rule: each says what a cloud engineer expects of it. Used by
 * the unit tests (through the CLI) and the browser test of the diagram.
 */

/** Three VPCs in a row: app <-> shared <-> data. Peering is not transitive, so app cannot reach data. */
export const PEERING_CHAIN = `name: peered
vpcs:
  app:
    cidr: 10.1.0.0/16
    subnets:
      app-a: { cidr: 10.1.1.0/24, zone: a, route-table: app-rt }
    route-tables:
      app-rt: { 10.2.0.0/16: app-shared, 10.3.0.0/16: app-shared }
    instances:
      web: { subnet: app-a, security-groups: [web-sg] }
    security-groups:
      web-sg: { inbound: ["tcp 443 from 10.2.0.0/16"] }
  shared:
    cidr: 10.2.0.0/16
    subnets:
      shared-a: { cidr: 10.2.1.0/24, zone: a, route-table: shared-rt }
    route-tables:
      shared-rt: { 10.1.0.0/16: app-shared, 10.3.0.0/16: shared-data }
    instances:
      ldap: { subnet: shared-a, security-groups: [ldap-sg] }
    security-groups:
      ldap-sg: { inbound: ["tcp 636 from 10.0.0.0/8"] }
  data:
    cidr: 10.3.0.0/16
    subnets:
      data-a: { cidr: 10.3.1.0/24, zone: a, route-table: data-rt }
    route-tables:
      data-rt: { 10.2.0.0/16: shared-data, 10.1.0.0/16: shared-data }
    instances:
      db: { subnet: data-a, security-groups: [db-sg] }
    security-groups:
      db-sg: { inbound: ["tcp 5432 from 10.0.0.0/8"] }
peerings:
  app-shared: { vpcs: [app, shared] }
  shared-data: { vpcs: [shared, data] }
`;

/** A peering with a route on one side only: requests go, replies have no way back. */
export const ONE_SIDED = `name: one-sided
vpcs:
  left:
    cidr: 10.10.0.0/16
    subnets:
      left-a: { cidr: 10.10.1.0/24, route-table: left-rt }
    route-tables:
      left-rt: { 10.20.0.0/16: left-right }
    instances:
      client: { subnet: left-a }
  right:
    cidr: 10.20.0.0/16
    subnets:
      right-a: { cidr: 10.20.1.0/24 }
    instances:
      server: { subnet: right-a, security-groups: [server-sg] }
    security-groups:
      server-sg: { inbound: ["tcp 80 from 10.10.0.0/16"] }
peerings:
  left-right: { vpcs: [left, right] }
`;

/** Two spokes on a transit gateway; the spokes' route table blackholes the other spoke's range. */
export const BLACKHOLE = `name: hub
vpcs:
  spoke1:
    cidr: 10.31.0.0/16
    subnets:
      s1-a: { cidr: 10.31.1.0/24, route-table: s1-rt }
    route-tables:
      s1-rt: { 10.0.0.0/8: tgw }
    instances:
      app1: { subnet: s1-a }
  spoke2:
    cidr: 10.32.0.0/16
    subnets:
      s2-a: { cidr: 10.32.1.0/24, route-table: s2-rt }
    route-tables:
      s2-rt: { 10.0.0.0/8: tgw }
    instances:
      app2: { subnet: s2-a, security-groups: [app2-sg] }
    security-groups:
      app2-sg: { inbound: ["tcp 443 from 10.0.0.0/8"] }
  inspect:
    cidr: 10.33.0.0/16
    subnets:
      in-a: { cidr: 10.33.1.0/24, route-table: in-rt }
    route-tables:
      in-rt: { 10.0.0.0/8: tgw }
    instances:
      probe: { subnet: in-a, security-groups: [probe-sg] }
    security-groups:
      probe-sg: { inbound: ["tcp 443 from 10.0.0.0/8"] }
transit-gateways:
  tgw:
    attachments:
      att1: { vpc: spoke1, subnets: [s1-a] }
      att2: { vpc: spoke2, subnets: [s2-a] }
      att3: { vpc: inspect, subnets: [in-a] }
    route-tables:
      spokes:
        associations: [att1, att2]
        propagations: [att3]
        routes: { 10.32.0.0/16: blackhole }
      shared:
        associations: [att3]
        propagations: [att1, att2]
`;

/** Two VPCs whose ranges overlap, peered anyway (AWS refuses to create this peering). */
export const OVERLAP = `name: overlap
vpcs:
  one:
    cidr: 10.50.0.0/16
    subnets:
      one-a: { cidr: 10.50.1.0/24 }
  two:
    cidr: 10.50.128.0/17
    subnets:
      two-a: { cidr: 10.50.129.0/24 }
peerings:
  one-two: { vpcs: [one, two] }
`;

/** A private subnet with no NAT reaches S3 through a gateway endpoint; its neighbour without the endpoint does not. */
export const S3_ENDPOINT = `name: storage
cidr: 10.60.0.0/16
subnets:
  private-a: { cidr: 10.60.1.0/24, route-table: private-rt }
  private-b: { cidr: 10.60.2.0/24, route-table: other-rt }
route-tables:
  private-rt: {}
  other-rt: {}
instances:
  worker: { subnet: private-a }
  batch: { subnet: private-b }
endpoints:
  s3-gw: { service: s3, route-tables: [private-rt] }
`;

/** An office behind a VPN; the private route table learns its range only by propagation. */
export const VPN = (propagate: boolean) => `name: hybrid
cidr: 10.70.0.0/16
subnets:
  app-a: { cidr: 10.70.1.0/24, route-table: app-rt }
route-tables:
  app-rt: {}
instances:
  erp: { subnet: app-a, security-groups: [erp-sg] }
security-groups:
  erp-sg: { inbound: ["tcp 443 from 192.168.0.0/16"] }
vpn-gateways:
  vgw: { ${propagate ? 'propagate-to: [app-rt]' : ''} }
on-premises:
  office: { cidrs: [192.168.0.0/16], ip: 203.0.113.10 }
vpn-connections:
  office-vpn: { customer-gateway: office, vpn-gateway: vgw, routing: bgp }
`;

export const fence = (yaml: string): string => '```vpc\n' + yaml + '```\n';
