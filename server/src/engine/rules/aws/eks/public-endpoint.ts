import type { cluster } from '../../../model/aws/eks';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Cluster = KindResource<typeof cluster.fields>;

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

export default defineRule({
  meta: {
    id: 'aws-eks-public-endpoint',
    provider: 'aws',
    service: 'eks',
    severity: 'high',
    title: 'EKS API server endpoint is open to the whole internet',
    explanation:
      'With the public endpoint on and no CIDR restriction, anyone on the internet can reach the Kubernetes API server and try stolen tokens, leaked kubeconfigs or API server vulnerabilities against it. AWS runs and patches the control plane; who may reach its endpoint is your configuration.',
    resolution: 'Set vpc_config { endpoint_public_access = false, endpoint_private_access = true } and reach the API from the VPC, or limit public_access_cidrs to your own address ranges (CloudFormation: ResourcesVpcConfig.EndpointPublicAccess / PublicAccessCidrs).',
    links: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_eks_cluster', 'AWS::EKS::Cluster'] },
    controls: ['aws-fsbp:EKS.1'],
    equivalents: { checkov: ['CKV_AWS_38'], trivy: ['AVD-AWS-0040', 'aws-eks-no-public-cluster-access'], kics: ['61cf9883-1752-4768-b18c-0d57f2737709', '42f4b905-3736-4213-bfe9-c0660518cda8'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n}\n', note: 'omitted: public endpoint, open to 0.0.0.0/0' }],
        good: [
          { code: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids              = ["subnet-1", "subnet-2"]\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}\n' },
          { code: 'resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  vpc_config {\n    subnet_ids          = ["subnet-1", "subnet-2"]\n    public_access_cidrs = ["203.0.113.0/24"]\n  }\n}\n' },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        EndpointPublicAccess: true\n        PublicAccessCidrs: ["0.0.0.0/0"]\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        EndpointPublicAccess: false\n        EndpointPrivateAccess: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const c of ctx.resources<Cluster>('aws.eks.cluster')) {
      const pub = c.f.endpointPublic;
      if (pub.origin === 'unknown' || pub.value !== true) continue;
      const cidrs = c.f.publicCidrs;
      if (cidrs.value.origin === 'unknown') continue;
      const names = c.source.format === 'terraform' ? ['endpoint_public_access', 'public_access_cidrs'] : ['EndpointPublicAccess', 'PublicAccessCidrs'];
      if (cidrs.value.origin === 'default') {
        ctx.report({
          resource: c,
          value: pub,
          message: `${names[0]} is ${pub.origin === 'default' ? 'not set (public by default)' : 'true'} and ${names[1]} is not set: the API server accepts connections from any address`,
        });
        continue;
      }
      const open = cidrs.items.find((i) => i.origin !== 'unknown' && ANYWHERE.has(i.value ?? ''));
      if (!open) continue;
      // Items of a list that came from a variable carry the spans of the variable; report at the use site then.
      ctx.report({ resource: c, value: cidrs.value.origin === 'derived' ? cidrs.value : open, message: `${names[1]} contains ${open.value}: the public API server endpoint accepts connections from any address` });
    }
  },
});
