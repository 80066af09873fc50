// The organization's tagging policy from .demarc.yaml (`requiredTags`): ownership and cost tags are how a
// customer-side team is found when a finding needs fixing. Silent unless the project file asks for tags.
import type { Val } from '../../../evaluate/value';
import type { FixSpec } from '../../../fix/types';
import type { ModelResource } from '../../../model/resource';
import type { SourceResource } from '../../../source';
import { defineRule } from '../../rule';

/** Types that cannot carry tags; requiring tags on them would be noise. */
const UNTAGGABLE = new Set([
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_security_group_rule',
  'AWS::IAM::Policy',
  'AWS::S3::BucketPolicy',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
]);

export default defineRule({
  meta: {
    id: 'aws-tagging-required-tags',
    provider: 'aws',
    service: 'tagging',
    severity: 'low',
    title: 'Resource lacks a tag the project requires',
    explanation:
      'Tags such as Owner or CostCenter tell you who on your side answers for a resource: AWS cannot know that. The project file (.demarc.yaml, requiredTags) lists the tags your organization requires; resources without them have no accountable owner when a finding appears.',
    resolution: 'Add the tag to the resource (Terraform: tags, or the provider\'s default_tags; CloudFormation: Tags).',
    links: ['https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html', 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html'],
    responsibility: { layer: 'data-classification', resourceTypes: ['aws_s3_bucket', 'aws_instance', 'aws_db_instance', 'AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::RDS::DBInstance'] },
    controls: [],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    requiresConfig: 'requiredTags',
    examples: {},
  },
  check(ctx) {
    const required = ctx.config?.requiredTags ?? [];
    if (required.length === 0) return;
    const defaults = providerDefaultTags(ctx.sources);
    for (const r of ctx.all) {
      if (UNTAGGABLE.has(r.source.type)) continue;
      const tags = r.tags;
      if (tags.origin === 'unknown') continue;
      const have = { ...(r.source.format === 'terraform' ? (defaults ?? {}) : {}), ...(tags.value ?? {}) };
      if (r.source.format === 'terraform' && defaults === undefined) continue; // default_tags not statically known
      const missing: { key: string; value?: string }[] = [];
      for (const req of required) {
        if (req.resourceTypes && !req.resourceTypes.includes(r.source.type)) continue;
        const value = have[req.key];
        if (value === undefined) missing.push({ key: req.key, value: req.values?.[0] });
        else if (req.values && value !== '' && !req.values.includes(value)) {
          ctx.report({ resource: r, value: tags, message: `Tag "${req.key}" is "${value}", not one of ${req.values.map((v) => `"${v}"`).join(', ')}` });
        }
      }
      if (missing.length > 0) {
        const names = missing.map((m) => `"${m.key}"`).join(', ');
        ctx.report({ resource: r, value: tags.origin === 'default' ? undefined : tags, message: `Missing required tag${missing.length > 1 ? 's' : ''} ${names}`, fix: tagFix(r, missing) });
      }
    }
  },
});

/** Tags every resource gets from `provider "aws" { default_tags { tags = … } }`; undefined when not statically known. */
function providerDefaultTags(sources: readonly SourceResource[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const p of sources) {
    if (p.type !== 'provider.aws') continue;
    const dt = p.body.fields.get('default_tags')?.value;
    const block = dt?.kind === 'list' ? dt.items[0] : dt;
    const tags: Val | undefined = block?.kind === 'object' ? block.fields.get('tags')?.value : undefined;
    if (!tags) continue;
    if (tags.kind !== 'object') return undefined;
    for (const [k, f] of tags.fields) out[k] = f.value.kind === 'string' ? f.value.value : '';
  }
  return out;
}

function tagFix(r: ModelResource, missing: { key: string; value?: string }[]): FixSpec | undefined {
  const title = `Add the ${missing.map((m) => m.key).join(', ')} tag${missing.length > 1 ? 's' : ''} (enter ${missing.length > 1 ? 'their values' : 'its value'})`;
  const value = (m: { key: string; value?: string }) => ({ $placeholder: m.value ?? `${m.key.toLowerCase()}-value` });
  if (r.source.format === 'terraform') {
    if (r.tags.origin === 'derived') return undefined; // tags come from a variable or local: add them there
    if (r.tags.origin === 'default') return { title, actions: [{ type: 'set', site: { resource: r.source, path: ['tags'] }, value: { $attr: Object.fromEntries(missing.map((m) => [m.key, value(m)])) } }] };
    return { title, actions: missing.map((m) => ({ type: 'set' as const, site: { resource: r.source, path: ['tags', m.key] }, value: value(m) })) };
  }
  if (r.tags.origin === 'default') return { title, actions: [{ type: 'set', site: { resource: r.source, path: ['Tags'] }, value: missing.map((m) => ({ Key: m.key, Value: value(m) })) }] };
  return undefined;
}
