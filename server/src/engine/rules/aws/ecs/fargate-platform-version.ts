import { service } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { attributeRule } from '../../factory';

type Service = KindResource<typeof service.fields>;

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * False when the service is known not to run on Fargate, or when that cannot be told (a launch type or capacity
 * provider from a variable). With neither a launch type nor a strategy, the cluster's default strategy decides; a
 * platform version only means something on Fargate, so naming one is taken as running there.
 */
function onFargate(s: Service): boolean {
  const lt = s.f.launchType;
  if (lt.origin === 'unknown') return false;
  if (lt.value !== undefined) return lt.value.toUpperCase() === 'FARGATE';
  const strategy = s.f.capacityProviders;
  if (strategy.value.origin === 'unknown') return false;
  if (strategy.items.length === 0) return true;
  if (strategy.items.some((i) => i.f.provider.origin === 'unknown')) return false;
  return strategy.items.some((i) => FARGATE_PROVIDERS.has((i.f.provider.value ?? '').toUpperCase()));
}

export default attributeRule({
  meta: {
    id: 'aws-ecs-fargate-platform-version',
    provider: 'aws',
    service: 'ecs',
    severity: 'medium',
    title: 'ECS Fargate service is pinned to a platform version other than LATEST',
    explanation:
      'A Fargate platform version is the kernel, container runtime and agent your tasks run on. AWS patches Fargate by publishing new platform versions; a service pinned to an older one keeps running it when tasks are replaced, missing security fixes and features. Choosing the version is your setting; "LATEST" (or leaving it out) lets new tasks pick up the current one.',
    resolution: 'Set platform_version = "LATEST" or remove it (CloudFormation: PlatformVersion: LATEST), and redeploy the service so running tasks move to the current platform.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10'],
    responsibility: { layer: 'guest-os', resourceTypes: ['aws_ecs_service', 'AWS::ECS::Service'] },
    controls: ['aws-fsbp:ECS.10'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_service" "web" {\n  name             = "web"\n  cluster          = "main"\n  task_definition  = "web:1"\n  launch_type      = "FARGATE"\n  platform_version = "1.3.0"\n\n  network_configuration {\n    subnets = ["subnet-1"]\n  }\n}\n' }],
        good: [{ code: 'resource "aws_ecs_service" "web" {\n  name             = "web"\n  cluster          = "main"\n  task_definition  = "web:1"\n  launch_type      = "FARGATE"\n  platform_version = "LATEST"\n\n  network_configuration {\n    subnets = ["subnet-1"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      TaskDefinition: web:1\n      LaunchType: FARGATE\n      PlatformVersion: 1.3.0\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      TaskDefinition: web:1\n      LaunchType: FARGATE\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n' }],
      },
    },
  },
  kind: service,
  field: 'platformVersion',
  insecure: (v) => v.trim().toUpperCase() !== 'LATEST',
  skip: (s) => !onFargate(s),
  fix: 'LATEST',
  consequence: 'new tasks keep starting on that Fargate platform instead of the current, patched one',
});
