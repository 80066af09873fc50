import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (extra: string) => `resource "aws_subnet" "app" {\n  vpc_id     = "vpc-123"\n  cidr_block = "10.0.1.0/24"\n${extra}}\n`;
const cfn = (v: string) => `Resources:\n  App:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-123\n      CidrBlock: 10.0.1.0/24\n      MapPublicIpOnLaunch: ${v}\n`;

ruleTester('aws-vpc-subnet-public-ip', {
  valid: [
    { name: 'omitted: off', format: 'terraform', code: tf('') },
    { format: 'terraform', code: tf('  map_public_ip_on_launch = false\n') },
    { name: 'unknown', format: 'terraform', code: tf('  map_public_ip_on_launch = var.pub\n'), files: { 'v.tf': 'variable "pub" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('false') },
  ],
  invalid: [
    { format: 'terraform', code: tf('  map_public_ip_on_launch = true\n'), errors: [{ line: 4, column: 29, message: /map_public_ip_on_launch is true/, severity: 'medium' }], output: tf('  map_public_ip_on_launch = false\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "pub" {\n  default = true\n}\n\n' + tf('  map_public_ip_on_launch = var.pub\n'), errors: [{ line: 8, column: 29, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('true'), errors: [{ line: 7, column: 28 }], output: cfn('false') },
    {
      name: 'CloudFormation JSON',
      format: 'cloudformation-json',
      code: '{\n  "Resources": {\n    "App": {\n      "Type": "AWS::EC2::Subnet",\n      "Properties": { "VpcId": "vpc-123", "CidrBlock": "10.0.1.0/24", "MapPublicIpOnLaunch": true }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 94 }],
      output: '{\n  "Resources": {\n    "App": {\n      "Type": "AWS::EC2::Subnet",\n      "Properties": { "VpcId": "vpc-123", "CidrBlock": "10.0.1.0/24", "MapPublicIpOnLaunch": false }\n    }\n  }\n}\n',
    },
    { name: 'CloudFormation parameter default', format: 'cloudformation', code: 'Parameters:\n  Pub:\n    Type: String\n    Default: "true"\n' + cfn('!Ref Pub'), errors: [{ line: 11, column: 28, relatedLines: [4] }] },
  ],
});
