import { ruleTester } from '../../../../helpers/rule-tester';

const vpc = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
const log = (target: string) => `\nresource "aws_flow_log" "main" {\n  ${target}\n  traffic_type    = "ALL"\n  log_destination = "arn:aws:s3:::acme-flow-logs"\n}\n`;
const cfnVpc = 'Resources:\n  Main:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';
const cfnLog = (type: string, id: string) => `  Log:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceType: ${type}\n      ResourceId: ${id}\n      TrafficType: ALL\n`;

ruleTester('aws-vpc-flow-logs', {
  valid: [
    { format: 'terraform', code: vpc + log('vpc_id = aws_vpc.main.id') },
    { name: 'a flow log whose target is not visible might be this VPC\'s', format: 'terraform', code: vpc + log('vpc_id = var.vpc_id'), files: { 'v.tf': 'variable "vpc_id" {}\n' } },
    { format: 'cloudformation', code: cfnVpc + cfnLog('VPC', '!Ref Main') },
  ],
  invalid: [
    { name: 'no flow log', format: 'terraform', code: vpc, errors: [{ line: 1, column: 1, message: /No aws_flow_log/, severity: 'low' }], output: null },
    { name: 'a subnet flow log does not cover the VPC', format: 'terraform', code: vpc + log('subnet_id = "subnet-1"'), errors: [{ line: 1 }] },
    {
      name: 'the flow log covers the other VPC',
      format: 'terraform',
      code: vpc + '\nresource "aws_vpc" "other" {\n  cidr_block = "10.1.0.0/16"\n}\n' + log('vpc_id = aws_vpc.other.id'),
      errors: [{ line: 1 }],
    },
    { name: 'CloudFormation', format: 'cloudformation', code: cfnVpc, errors: [{ line: 2, column: 3, message: /No AWS::EC2::FlowLog/ }] },
    { name: 'CloudFormation subnet flow log', format: 'cloudformation', code: cfnVpc + cfnLog('Subnet', 'subnet-1'), errors: [{ line: 2 }] },
  ],
});
