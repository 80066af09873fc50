import type { service } from '../../../model/aws/ecs';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Service = KindResource<typeof service.fields>;

export default defineRule({
  meta: {
    id: 'aws-ecs-service-public-ip',
    provider: 'aws',
    service: 'ecs',
    severity: 'high',
    title: 'ECS service assigns public IP addresses to its tasks',
    explanation:
      'Tasks with public IP addresses are directly reachable from the internet wherever their security groups allow it, bypassing load balancers and WAF. ECS assigns the address only when asked; task placement and exposure are your network configuration.',
    resolution: 'Set network_configuration { assign_public_ip = false } (CloudFormation: AwsvpcConfiguration.AssignPublicIp: DISABLED), run tasks in private subnets with a NAT gateway or VPC endpoints, and expose them through a load balancer.',
    links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_ecs_service', 'AWS::ECS::Service'] },
    controls: ['aws-fsbp:ECS.2'],
    equivalents: { checkov: ['CKV_AWS_333'], kics: ['bafe7989-3c4b-47f0-910b-e6e1cba7f146'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_ecs_service" "web" {\n  name            = "web"\n  cluster         = "main"\n  task_definition = "web:1"\n  launch_type     = "FARGATE"\n\n  network_configuration {\n    subnets          = ["subnet-1"]\n    assign_public_ip = true\n  }\n}\n' }],
        good: [{ code: 'resource "aws_ecs_service" "web" {\n  name            = "web"\n  cluster         = "main"\n  task_definition = "web:1"\n  launch_type     = "FARGATE"\n\n  network_configuration {\n    subnets = ["subnet-1"]\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      TaskDefinition: web:1\n      LaunchType: FARGATE\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n          AssignPublicIp: ENABLED\n' }],
        good: [{ code: 'Resources:\n  Web:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: main\n      TaskDefinition: web:1\n      LaunchType: FARGATE\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1]\n          AssignPublicIp: DISABLED\n' }],
      },
    },
  },
  check(ctx) {
    for (const s of ctx.resources<Service>('aws.ecs.service')) {
      if (s.source.format === 'terraform') {
        const v = s.f.assignPublicIpTf;
        if (v.origin === 'unknown' || v.value !== true) continue;
        ctx.report({ resource: s, value: v, message: 'assign_public_ip is true: tasks get public IP addresses reachable from the internet', fix: v.site ? { title: 'Set assign_public_ip to false', actions: [{ type: 'set', site: v.site, value: false }] } : undefined });
      } else {
        const v = s.f.assignPublicIpCfn;
        if (v.origin === 'unknown' || v.value?.toUpperCase() !== 'ENABLED') continue;
        ctx.report({ resource: s, value: v, message: 'AssignPublicIp is "ENABLED": tasks get public IP addresses reachable from the internet', fix: v.site ? { title: 'Set AssignPublicIp to "DISABLED"', actions: [{ type: 'set', site: v.site, value: 'DISABLED' }] } : undefined });
      }
    }
  },
});
