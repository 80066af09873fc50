import type { domain } from '../../../model/aws/opensearch';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Domain = KindResource<typeof domain.fields>;

export default defineRule({
  meta: {
    id: 'aws-opensearch-vpc',
    provider: 'aws',
    service: 'opensearch',
    severity: 'high',
    title: 'OpenSearch domain has a public endpoint instead of running in a VPC',
    explanation:
      'A domain without VPC options gets an endpoint on the internet, protected only by its access policy; one overly broad statement exposes every index. AWS hosts the endpoint either way; placing the domain in your VPC behind security groups is your choice, and it can only be made when the domain is created.',
    resolution: 'Add vpc_options { subnet_ids = [...], security_group_ids = [...] } (CloudFormation: VPCOptions) to create the domain inside private subnets, and reach it through the VPC.',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.2', 'aws-fsbp:ES.2'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n' }],
        good: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n\n  vpc_options {\n    subnet_ids         = ["subnet-1"]\n    security_group_ids = ["sg-1"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      DomainName: search\n      VPCOptions:\n        SubnetIds: [subnet-1]\n        SecurityGroupIds: [sg-1]\n' }],
      },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Domain>('aws.opensearch.domain')) {
      if (d.f.vpcOptions.origin !== 'default') continue;
      const name = d.source.format === 'terraform' ? 'vpc_options' : 'VPCOptions';
      ctx.report({ resource: d, message: `${name} is not set: the domain endpoint is reachable from the internet, guarded only by the access policy` });
    }
  },
});
