import { ruleTester } from '../../../../helpers/rule-tester';

ruleTester('aws-opensearch-vpc', {
  valid: [
    { format: 'terraform', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n  vpc_options {\n    subnet_ids = ["subnet-1"]\n  }\n}\n' },
    { name: 'unknown subnets', format: 'terraform', code: 'variable "subnets" {\n  type = list(string)\n}\n\nresource "aws_elasticsearch_domain" "search" {\n  domain_name = "search"\n  vpc_options {\n    subnet_ids = var.subnets\n  }\n}\n' },
    { format: 'cloudformation', code: 'Resources:\n  Search:\n    Type: AWS::Elasticsearch::Domain\n    Properties:\n      VPCOptions:\n        SubnetIds: [subnet-1]\n' },
  ],
  invalid: [
    { format: 'terraform', code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n', errors: [{ line: 1, column: 1, message: /vpc_options is not set/ }], output: null },
    { format: 'cloudformation', code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n', errors: [{ line: 2, message: /VPCOptions is not set/ }] },
  ],
});
