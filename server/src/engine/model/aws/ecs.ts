// ECS task definitions, services and clusters.
import type { ObjectVal, Val } from '../../evaluate/value';
import { parseJsonToVal } from '../../parse/json-value';
import type { Span } from '../../types';
import { defineKind } from '../kind';
import type { Value } from '../resource';

export const taskDefinition = defineKind({
  kind: 'aws.ecs.task-definition',
  terraform: ['aws_ecs_task_definition'],
  cloudformation: ['AWS::ECS::TaskDefinition'],
  fields: {
    /** Terraform: a JSON string (jsonencode or heredoc); CloudFormation: a list of objects with PascalCase keys. */
    containers: { type: 'raw', terraform: ['container_definitions'], cloudformation: ['ContainerDefinitions'] },
    networkMode: { type: 'string', terraform: ['network_mode'], cloudformation: ['NetworkMode'] },
    pidMode: {
      type: 'string',
      terraform: ['pid_mode'],
      cloudformation: ['PidMode'],
      doc: 'Process namespace of the task\'s containers: "task" (shared among them) or "host"; absent gives each container its own.',
    },
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
    launchType: {
      type: 'string',
      terraform: ['launch_type'],
      cloudformation: ['LaunchType'],
      doc: 'EC2, FARGATE or EXTERNAL; absent, the capacity provider strategy (the service\'s or the cluster\'s default) decides.',
    },
    capacityProviders: {
      type: 'items',
      terraform: ['capacity_provider_strategy'],
      cloudformation: ['CapacityProviderStrategy'],
      fields: {
        provider: { type: 'string', terraform: ['capacity_provider'], cloudformation: ['CapacityProvider'] },
      },
    },
    platformVersion: {
      type: 'string',
      terraform: ['platform_version'],
      cloudformation: ['PlatformVersion'],
      default: { value: 'LATEST', reason: 'ECS runs Fargate tasks on the latest platform version when none is named' },
      doc: 'Fargate platform version (kernel, container runtime and agent) the service\'s tasks run on.',
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

/** One container of a task definition, as an evaluated object; keys are read case-insensitively (JSON camelCase, CFN PascalCase). */
export interface Container {
  obj: ObjectVal;
  name: string;
  /** Where to report when a piece has no span of its own. */
  span?: Span;
  /** True when the pieces' spans point at the whole JSON string (heredoc / file text), not at each value. */
  coarse: boolean;
}

/**
 * The containers of a task definition, or undefined when they cannot be read statically. Terraform gives a JSON string
 * (jsonencode keeps the structure with spans; heredoc text is parsed here), CloudFormation a list.
 */
export function containersOf(v: Value<Val>): Container[] | undefined {
  if (v.origin === 'unknown' || !v.value) return v.origin === 'default' ? [] : undefined;
  let list: Val = v.value;
  let coarse = false;
  if (list.kind === 'string') {
    if (list.json) list = list.json;
    else {
      const parsed = parseJsonToVal(list.value, list.span?.file ?? '');
      if (!parsed.value || parsed.errors.length > 0) return undefined;
      // Offsets inside an escaped string literal do not map back reliably: the whole string is the location.
      list = respan(parsed.value, list.span);
      coarse = true;
    }
  }
  if (list.kind !== 'list') return undefined;
  const out: Container[] = [];
  for (const item of list.items) {
    if (item.kind !== 'object') return undefined;
    const name = field(item, 'name');
    const c: Container = { obj: item, name: name?.kind === 'string' ? name.value : '?', coarse };
    const span = item.span ?? v.span;
    if (span) c.span = span;
    out.push(c);
  }
  return out;
}

/** A field of an evaluated object, matched case-insensitively. */
export function field(obj: Val, key: string): Val | undefined {
  if (obj.kind !== 'object') return undefined;
  const lower = key.toLowerCase();
  for (const [k, f] of obj.fields) if (k.toLowerCase() === lower) return f.value;
  return undefined;
}

function respan(v: Val, span: Span | undefined): Val {
  if (!span) return v;
  if (v.kind === 'list') return { ...v, span, items: v.items.map((i) => respan(i, span)) };
  if (v.kind === 'object') return { ...v, span, fields: new Map([...v.fields].map(([k, f]) => [k, { key: f.key, keySpan: span, value: respan(f.value, span) }])) };
  return { ...v, span };
}

/** A piece of a container definition as a model Value, so findings on it carry its derivation (variables, locals). */
export function pieceValue(val: Val): Value<unknown> {
  const v: Value<unknown> = { origin: val.kind === 'unknown' ? 'unknown' : val.origin === 'derived' ? 'derived' : 'explicit' };
  if (val.kind !== 'unknown' && val.kind !== 'null' && 'value' in val) v.value = val.value;
  if (val.span) v.span = val.span;
  if (val.via) v.via = val.via;
  return v;
}
