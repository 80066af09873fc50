// ECS task definitions, services and clusters.
import { defineKind } from '../kind';

export const taskDefinition = defineKind({
  kind: 'aws.ecs.task-definition',
  terraform: ['aws_ecs_task_definition'],
  cloudformation: ['AWS::ECS::TaskDefinition'],
  fields: {
    /** Terraform: a JSON string (jsonencode or heredoc); CloudFormation: a list of objects with PascalCase keys. */
    containers: { type: 'raw', terraform: ['container_definitions'], cloudformation: ['ContainerDefinitions'] },
    networkMode: { type: 'string', terraform: ['network_mode'], cloudformation: ['NetworkMode'] },
  },
});

export const service = defineKind({
  kind: 'aws.ecs.service',
  terraform: ['aws_ecs_service'],
  cloudformation: ['AWS::ECS::Service'],
  fields: {
    assignPublicIpTf: {
      type: 'bool',
      terraform: ['network_configuration', 'assign_public_ip'],
      default: { value: false, reason: 'Terraform provider default' },
      doc: 'Whether awsvpc tasks of the service get a public IP address.',
    },
    assignPublicIpCfn: {
      type: 'string',
      cloudformation: ['NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'],
      default: { value: 'DISABLED', reason: 'ECS default' },
      doc: 'Whether awsvpc tasks of the service get a public IP address.',
    },
  },
});

export const cluster = defineKind({
  kind: 'aws.ecs.cluster',
  terraform: ['aws_ecs_cluster'],
  cloudformation: ['AWS::ECS::Cluster'],
  fields: {
    settings: {
      type: 'items',
      terraform: ['setting'],
      cloudformation: ['ClusterSettings'],
      fields: {
        name: { type: 'string', terraform: ['name'], cloudformation: ['Name'] },
        value: { type: 'string', terraform: ['value'], cloudformation: ['Value'] },
      },
    },
  },
});
