// Terraform security groups: inline blocks plus separate rule resources joined through security_group_id.
import type { SecurityGroup, SecurityGroupRule } from '../../../model/aws/vpc';
import type { Path } from '../../../model/kind';
import type { SourceResource } from '../../../source';
import { type AdaptContext, DesignationIndex } from '../../context';
import { readField, readFields, readTags } from '../../generic';
import { tfRuleFields, tfVpcRuleFields, toRule } from '../../sg-fields';
import type { Fields } from '../../../model/kind';

type RuleFields = Fields<typeof tfRuleFields>;

export function adaptSecurityGroupsTerraform(ctx: AdaptContext): SecurityGroup[] {
  const separate = ctx.ofType('aws_security_group_rule').map((src) => ({ src, f: readFields(tfRuleFields, src) }));
  const vpcRules = ctx.ofType('aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule').map((src) => ({ src, f: readFields(tfVpcRuleFields, src) }));
  const joined = new Set<SourceResource>();
  const separateByGroup = new DesignationIndex(separate, (r) => r.f.groupId.val);
  const vpcRulesByGroup = new DesignationIndex(vpcRules, (r) => r.f.groupId.val);

  const groups = ctx.ofType('aws_security_group', 'aws_default_security_group').map((src) => {
    const rules: SecurityGroupRule[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = readField({ type: 'items', terraform: [direction], fields: tfRuleFields }, src) as { items: { f: RuleFields; site: { path: Path }; span?: SecurityGroupRule['span'] }[] };
      for (const item of blocks.items) rules.push(toRule(direction, item.f, src, item.site.path, item.span));
    }
    const parts: SourceResource[] = [];
    for (const r of separateByGroup.for(src)) {
      joined.add(r.src);
      parts.push(r.src);
      const type = r.f.type.value === 'egress' ? 'egress' : 'ingress';
      rules.push(toRule(type, r.f, r.src, [], r.src.headerSpan));
    }
    for (const r of vpcRulesByGroup.for(src)) {
      joined.add(r.src);
      parts.push(r.src);
      rules.push(toRule(r.src.type.endsWith('egress_rule') ? 'egress' : 'ingress', r.f, r.src, [], r.src.headerSpan));
    }
    const sg: SecurityGroup = { kind: 'aws.ec2.security-group', address: src.address, source: src, parts, tags: readTags(undefined, src), isDefault: src.type === 'aws_default_security_group', rules };
    return sg;
  });

  // Rule resources whose group is not in this code (a data source, another module): still checked, on their own.
  for (const r of [...separate, ...vpcRules]) {
    if (joined.has(r.src)) continue;
    const direction = r.src.type === 'aws_security_group_rule' ? ((r.f as RuleFields).type.value === 'egress' ? 'egress' : 'ingress') : r.src.type.endsWith('egress_rule') ? 'egress' : 'ingress';
    groups.push({ kind: 'aws.ec2.security-group', address: r.src.address, source: r.src, parts: [], tags: readTags(undefined, r.src), isDefault: false, rules: [toRule(direction, r.f, r.src, [], r.src.headerSpan)] });
  }
  return groups;
}
