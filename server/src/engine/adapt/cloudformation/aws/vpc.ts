// CloudFormation security groups: inline SecurityGroupIngress/Egress plus separate ingress/egress resources.
import type { SecurityGroup } from '../../../model/aws/vpc';
import type { Fields, Path } from '../../../model/kind';
import type { SourceResource } from '../../../source';
import { type AdaptContext, DesignationIndex } from '../../context';
import { readField, readFields, readTags } from '../../generic';
import { cfnRuleFields, toRule } from '../../sg-fields';

type RuleFields = Fields<typeof cfnRuleFields>;

export function adaptSecurityGroupsCloudFormation(ctx: AdaptContext): SecurityGroup[] {
  const separate = ctx.ofType('AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress').map((src) => ({ src, f: readFields(cfnRuleFields, src) }));
  const joined = new Set<SourceResource>();
  const separateByGroup = new DesignationIndex(separate, (r) => r.f.groupId.val);
  const groups = ctx.ofType('AWS::EC2::SecurityGroup').map((src) => {
    const rules = [];
    for (const [direction, prop] of [['ingress', 'SecurityGroupIngress'], ['egress', 'SecurityGroupEgress']] as const) {
      const list = readField({ type: 'items', cloudformation: [prop], fields: cfnRuleFields }, src) as { items: { f: RuleFields; site: { path: Path }; span?: SecurityGroup['rules'][number]['span'] }[] };
      for (const item of list.items) rules.push(toRule(direction, item.f, src, item.site.path, item.span));
    }
    const parts: SourceResource[] = [];
    for (const r of separateByGroup.for(src)) {
      joined.add(r.src);
      parts.push(r.src);
      rules.push(toRule(r.src.type.endsWith('Egress') ? 'egress' : 'ingress', r.f, r.src, [], r.src.headerSpan));
    }
    const sg: SecurityGroup = { kind: 'aws.ec2.security-group', address: src.address, source: src, parts, tags: readTags(undefined, src), isDefault: false, rules };
    return sg;
  });
  for (const r of separate) {
    if (joined.has(r.src)) continue;
    groups.push({ kind: 'aws.ec2.security-group', address: r.src.address, source: r.src, parts: [], tags: readTags(undefined, r.src), isDefault: false, rules: [toRule(r.src.type.endsWith('Egress') ? 'egress' : 'ingress', r.f, r.src, [], r.src.headerSpan)] });
  }
  return groups;
}
