import { ruleTester } from '../../../../helpers/rule-tester';

const lb = (extra: string) => `resource "aws_lb" "web" {\n  name    = "web"\n  subnets = ["subnet-1", "subnet-2"]\n${extra}}\n`;
const cfn = (attrs: string, type = '') => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n${type}      Subnets: [subnet-1, subnet-2]\n${attrs}`;
const attr = (k: string, v: string) => `        - Key: ${k}\n          Value: ${v}\n`;

ruleTester('aws-elb-drop-invalid-headers', {
  valid: [
    { format: 'terraform', code: lb('  drop_invalid_header_fields = true\n') },
    { name: 'network load balancers have no HTTP headers', format: 'terraform', code: lb('  load_balancer_type = "network"\n') },
    { name: 'unknown', format: 'terraform', code: lb('  drop_invalid_header_fields = var.d\n'), files: { 'v.tf': 'variable "d" {\n  type = bool\n}\n' } },
    { format: 'cloudformation', code: cfn('      LoadBalancerAttributes:\n' + attr('routing.http.drop_invalid_header_fields.enabled', '"true"')) },
    { name: 'CloudFormation network', format: 'cloudformation', code: cfn('', '      Type: network\n') },
    { name: 'CloudFormation unknown list', format: 'cloudformation', code: 'Parameters:\n  A:\n    Type: CommaDelimitedList\n' + cfn('      LoadBalancerAttributes: !Ref A\n') },
  ],
  invalid: [
    { name: 'omitted', format: 'terraform', code: lb(''), errors: [{ line: 1, column: 1, message: /not set/ }], output: lb('  drop_invalid_header_fields = true\n') },
    { name: 'false on aws_alb', format: 'terraform', code: lb('  drop_invalid_header_fields = false\n').replace('"aws_lb"', '"aws_alb"'), errors: [{ line: 4, column: 32, severity: 'medium' }], output: lb('  drop_invalid_header_fields = true\n').replace('"aws_lb"', '"aws_alb"') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "d" {\n  default = false\n}\n\n' + lb('  drop_invalid_header_fields = var.d\n'), errors: [{ line: 8, column: 32, relatedLines: [2] }] },
    {
      name: 'CloudFormation omitted',
      format: 'cloudformation',
      code: cfn(''),
      errors: [{ line: 2, column: 3, message: /not in LoadBalancerAttributes/ }],
      output: cfn('      LoadBalancerAttributes:\n' + attr('routing.http.drop_invalid_header_fields.enabled', '"true"')),
    },
    {
      name: 'CloudFormation false',
      format: 'cloudformation',
      code: cfn('      LoadBalancerAttributes:\n' + attr('routing.http.drop_invalid_header_fields.enabled', '"false"')),
      errors: [{ line: 8, column: 18, message: /is "false"/ }],
      output: cfn('      LoadBalancerAttributes:\n' + attr('routing.http.drop_invalid_header_fields.enabled', '"true"')),
    },
    {
      name: 'CloudFormation JSON omitted',
      format: 'cloudformation-json',
      code: '{\n  "Resources": {\n    "Web": {\n      "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",\n      "Properties": { "Subnets": ["subnet-1", "subnet-2"] }\n    }\n  }\n}\n',
      errors: [{ line: 3, column: 5 }],
    },
    {
      name: 'CloudFormation, other attributes listed: no fix (the writer cannot append to a list)',
      format: 'cloudformation',
      code: cfn('      LoadBalancerAttributes:\n' + attr('deletion_protection.enabled', '"true"')),
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
