/**
 * CloudFormation templates written for these tests in the shapes of the AWS documentation's
 * examples (AWS::EC2::* and ELBv2/RDS resource properties, short and long intrinsic forms).
 */

/** YAML with short forms: a two-tier VPC with NAT, an ALB in front of a web server, a database, a NACL. */
export const YAML_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Two-tier VPC for a study note
Parameters:
  EnvType:
    Type: String
    Default: prod
    AllowedValues: [prod, dev]
  VpcCidr:
    Type: String
    Default: 10.0.0.0/16
  AdminCidr:
    Type: String
Conditions:
  IsProd: !Equals [!Ref EnvType, prod]
  IsDev: !Not [!Condition IsProd]
Mappings:
  Ports:
    web:
      http: 80
Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref VpcCidr
  InternetGateway:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: !Ref VPC
      InternetGatewayId: !Ref InternetGateway
  PublicA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPC
      CidrBlock: !Select [0, !Cidr [!GetAtt VPC.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [0, !GetAZs ""]
      MapPublicIpOnLaunch: true
  PublicB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPC
      CidrBlock: !Select [1, !Cidr [!GetAtt VPC.CidrBlock, 4, 8]]
      AvailabilityZone: !Select [1, !GetAZs ""]
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPC
      CidrBlock: !If [IsProd, 10.0.10.0/24, 10.0.20.0/24]
      AvailabilityZone: !Sub "\${AWS::Region}a"
  PublicRT:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref VPC
  PublicDefault:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties:
      RouteTableId: !Ref PublicRT
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref InternetGateway
  PublicAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref PublicA
      RouteTableId: !Ref PublicRT
  PublicBAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref PublicB
      RouteTableId: !Ref PublicRT
  NatEip:
    Type: AWS::EC2::EIP
    Properties:
      Domain: vpc
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: !Ref PublicA
      AllocationId: !GetAtt NatEip.AllocationId
  PrivateRT:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref VPC
  PrivateDefault:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PrivateRT
      DestinationCidrBlock: 0.0.0.0/0
      NatGatewayId: !Ref Nat
  PrivateAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref PrivateA
      RouteTableId: !Ref PrivateRT
  AlbSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ALB
      VpcId: !Ref VPC
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !FindInMap [Ports, web, http]
          ToPort: !FindInMap [Ports, web, http]
          CidrIp: 0.0.0.0/0
  WebSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Web
      VpcId: !Ref VPC
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 80
          ToPort: 80
          SourceSecurityGroupId: !GetAtt AlbSG.GroupId
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref AdminCidr
  DbSG:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: DB
      VpcId: !Ref VPC
  DbFromWeb:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref DbSG
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      SourceSecurityGroupId: !Ref WebSG
  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.micro
        SecurityGroupIds: [!Ref WebSG]
  Web:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !Ref PublicA
      LaunchTemplate:
        LaunchTemplateId: !Ref WebTemplate
        Version: !GetAtt WebTemplate.LatestVersionNumber
  DevBox:
    Type: AWS::EC2::Instance
    Condition: IsDev
    Properties:
      SubnetId: !Ref PublicB
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [!Ref PublicA, !Ref PublicB]
      SecurityGroups: [!Ref AlbSG]
  WebTargets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: !Ref VPC
      Targets:
        - Id: !Ref Web
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref WebTargets
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: private
      SubnetIds: [!Ref PrivateA]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      DBSubnetGroupName: !Ref DbSubnets
      VPCSecurityGroups: [!GetAtt DbSG.GroupId]
  PrivateNacl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: !Ref VPC
  NaclInPg:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PrivateNacl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 10.0.0.0/16
      PortRange: { From: 5432, To: 5432 }
  NaclOut:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PrivateNacl
      RuleNumber: 100
      Protocol: -1
      Egress: true
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
  PrivateNaclAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties:
      SubnetId: !Ref PrivateA
      NetworkAclId: !Ref PrivateNacl
  Logs:
    Type: AWS::S3::Bucket
Metadata:
  Cloudnotes:
    flows:
      - internet -> Alb tcp/80
      - Web -> Db tcp/5432
`;

/** JSON with long forms (Fn::Join, Fn::GetAtt as a list, Fn::If, Fn::Sub with a map), a peering, and a comment option. */
export const JSON_TEMPLATE = `# cloudnotes region: ap-northeast-2
# cloudnotes flow: internet -> Bastion tcp/22
{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Octet": { "Type": "String", "Default": "20" },
    "UseNat": { "Type": "String", "Default": "false" }
  },
  "Conditions": {
    "WithNat": { "Fn::Equals": [{ "Ref": "UseNat" }, "true"] }
  },
  "Resources": {
    "MainVpc": {
      "Type": "AWS::EC2::VPC",
      "Properties": { "CidrBlock": { "Fn::Join": ["", ["10.", { "Ref": "Octet" }, ".0.0/16"]] } }
    },
    "PeerVpc": {
      "Type": "AWS::EC2::VPC",
      "Properties": { "CidrBlock": "10.99.0.0/16" }
    },
    "Igw": { "Type": "AWS::EC2::InternetGateway" },
    "IgwAttach": {
      "Type": "AWS::EC2::VPCGatewayAttachment",
      "Properties": { "VpcId": { "Ref": "MainVpc" }, "InternetGatewayId": { "Ref": "Igw" } }
    },
    "Public": {
      "Type": "AWS::EC2::Subnet",
      "Properties": {
        "VpcId": { "Ref": "MainVpc" },
        "CidrBlock": { "Fn::Sub": ["10.\${O}.1.0/24", { "O": { "Ref": "Octet" } }] },
        "AvailabilityZone": { "Fn::Select": ["2", { "Fn::GetAZs": { "Ref": "AWS::Region" } }] }
      }
    },
    "PeerSubnet": {
      "Type": "AWS::EC2::Subnet",
      "Properties": { "VpcId": { "Ref": "PeerVpc" }, "CidrBlock": "10.99.1.0/24" }
    },
    "Rt": {
      "Type": "AWS::EC2::RouteTable",
      "Properties": { "VpcId": { "Ref": "MainVpc" } }
    },
    "ToInternet": {
      "Type": "AWS::EC2::Route",
      "Properties": { "RouteTableId": { "Ref": "Rt" }, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": { "Ref": "Igw" } }
    },
    "Peering": {
      "Type": "AWS::EC2::VPCPeeringConnection",
      "Properties": { "VpcId": { "Ref": "MainVpc" }, "PeerVpcId": { "Ref": "PeerVpc" } }
    },
    "ToPeer": {
      "Type": "AWS::EC2::Route",
      "Properties": { "RouteTableId": { "Ref": "Rt" }, "DestinationCidrBlock": "10.99.0.0/16", "VpcPeeringConnectionId": { "Ref": "Peering" } }
    },
    "Assoc": {
      "Type": "AWS::EC2::SubnetRouteTableAssociation",
      "Properties": { "SubnetId": { "Ref": "Public" }, "RouteTableId": { "Ref": "Rt" } }
    },
    "BastionSG": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "ssh",
        "VpcId": { "Ref": "MainVpc" },
        "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "203.0.113.0/24" }],
        "SecurityGroupEgress": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0" }]
      }
    },
    "Bastion": {
      "Type": "AWS::EC2::Instance",
      "Properties": {
        "InstanceType": { "Fn::If": ["WithNat", "t3.large", "t3.micro"] },
        "NetworkInterfaces": [{
          "DeviceIndex": "0",
          "SubnetId": { "Ref": "Public" },
          "AssociatePublicIpAddress": true,
          "GroupSet": [{ "Fn::GetAtt": ["BastionSG", "GroupId"] }]
        }]
      }
    },
    "Imported": {
      "Type": "AWS::EC2::Subnet",
      "Properties": { "VpcId": { "Ref": "MainVpc" }, "CidrBlock": { "Fn::ImportValue": "shared-cidr" } }
    }
  }
}
`;
