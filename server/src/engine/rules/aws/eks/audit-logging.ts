import type { cluster } from '../../../model/aws/eks';
import type { KindResource } from '../../../model/kind';
import type { FixValue } from '../../../fix/types';
import { defineRule } from '../../rule';

type Cluster = KindResource<typeof cluster.fields>;

export default defineRule({
  meta: {
    id: 'aws-eks-audit-logging',
    provider: 'aws',
    service: 'eks',
    severity: 'medium',
    title: 'EKS control plane audit logs are not enabled',
    explanation:
      'Without the audit log type, there is no record of who called the Kubernetes API, which makes it impossible to reconstruct what an intruder or a misbehaving workload did in the cluster. AWS collects the control plane logs once you select them; selecting them is your setting.',
    resolution: 'Add "audit" to enabled_cluster_log_types (CloudFormation: Logging.ClusterLogging.EnabledTypes), ideally together with "api" and "authenticator".',
    links: ['https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_eks_cluster', 'AWS::EKS::Cluster'] },
    controls: ['aws-fsbp:EKS.8'],
    equivalents: { checkov: ['CKV_AWS_37'], kics: ['37304d3f-f852-40b8-ae3f-725e87a7cedf'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_eks_cluster" "main" {\n  name                      = "main"\n  role_arn                  = "arn:aws:iam::111122223333:role/eks"\n  enabled_cluster_log_types = ["api"]\n\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n}\n' }],
        good: [{ code: 'resource "aws_eks_cluster" "main" {\n  name                      = "main"\n  role_arn                  = "arn:aws:iam::111122223333:role/eks"\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::111122223333:role/eks\n      ResourcesVpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n      Logging:\n        ClusterLogging:\n          EnabledTypes:\n            - Type: audit\n' }],
      },
    },
  },
  check(ctx) {
    for (const c of ctx.resources<Cluster>('aws.eks.cluster')) {
      const tf = c.source.format === 'terraform';
      const list = tf ? c.f.logTypes.value : c.f.logTypesCfn.value;
      if (list.origin === 'unknown') continue;
      const types = tf ? c.f.logTypes.items : c.f.logTypesCfn.items.map((i) => i.f.type);
      if (types.some((t) => t.origin === 'unknown')) continue;
      const known = types.map((t) => t.value ?? '');
      if (known.includes('audit')) continue;
      const name = tf ? 'enabled_cluster_log_types' : 'EnabledTypes';
      const next: FixValue = tf ? [...known, 'audit'] : [...known.map((t) => ({ Type: t })), { Type: 'audit' }];
      ctx.report({
        resource: c,
        value: list,
        message: `${name} ${list.origin === 'default' ? 'is not set' : 'does not include "audit"'}: Kubernetes API calls are not recorded`,
        // Derived lists are rewritten at the use site only when it is a literal; otherwise the user edits the source.
        fix: list.site && list.origin !== 'derived' ? { title: `Add "audit" to ${name}`, actions: [{ type: 'set', site: list.site, value: next }] } : undefined,
      });
    }
  },
});
