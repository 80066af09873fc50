import type { cluster } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Cluster = KindResource<typeof cluster.fields>;

export default defineRule({
  meta: {
    id: 'aws-ecs-container-insights',
    provider: 'aws',
    service: 'ecs',
    severity: 'medium',
    title: 'ECS cluster does not use Container Insights',
    explanation:
      'Without Container Insights there are no per-task and per-service CPU, memory, network and restart metrics, so crashes, resource abuse such as crypto-mining and failing deployments go unnoticed. AWS collects the metrics once asked; asking, per cluster or through the account default, is your setting.',
    resolution: 'Add setting { name = "containerInsights" value = "enabled" } (or "enhanced") to the cluster (CloudFormation: ClusterSettings with Name containerInsights).',
    links: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_ecs_cluster', 'AWS::ECS::Cluster'] },
    controls: ['aws-fsbp:ECS.12'],
    equivalents: { trivy: ['AVD-AWS-0034', 'aws-ecs-enable-container-insight'], kics: ['97cb0688-369a-4d26-b1f7-86c4c91231bc', 'ab759fde-e1e8-4b0e-ad73-ba856e490ed8'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n\n  setting {\n    name  = "containerInsights"\n    value = "disabled"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n\n  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Main:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: main\n' }],
        good: [{ code: 'Resources:\n  Main:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: main\n      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n' }],
      },
    },
  },
  check(ctx) {
    for (const c of ctx.resources<Cluster>('aws.ecs.cluster')) {
      const settings = c.f.settings;
      if (settings.value.origin === 'unknown') continue;
      const tf = c.source.format === 'terraform';
      let unknown = false;
      let found: (typeof settings.items)[number] | undefined;
      for (const s of settings.items) {
        if (s.f.name.origin === 'unknown') unknown = true;
        else if (s.f.name.value === 'containerInsights') found = s;
      }
      if (found) {
        const v = found.f.value;
        if (v.origin === 'unknown' || v.value?.toLowerCase() !== 'disabled') continue;
        ctx.report({ resource: c, value: v, message: 'containerInsights is "disabled": no task and service metrics are collected', fix: v.site ? { title: 'Set containerInsights to "enabled"', actions: [{ type: 'set', site: v.site, value: 'enabled' }] } : undefined });
        continue;
      }
      if (unknown) continue;
      const site = settings.value.origin === 'default' ? settings.value.site : undefined;
      const value = tf ? { name: 'containerInsights', value: 'enabled' } : [{ Name: 'containerInsights', Value: 'enabled' }];
      ctx.report({
        resource: c,
        // The account-level default (aws ecs put-account-setting-default) may turn it on for clusters that do not say.
        severity: 'low',
        message: `${tf ? 'setting' : 'ClusterSettings'} has no containerInsights entry: metrics depend on the account default, which is off unless changed`,
        fix: site ? { title: 'Turn Container Insights on', actions: [{ type: 'set', site, value }] } : undefined,
      });
    }
  },
});
