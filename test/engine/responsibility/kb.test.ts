// Schema and coverage of the responsibility knowledge base: names in both tools agree, every layer is answered,
// every fact has an AWS source, and every rule's responsibility key exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  LAYERS,
  allResourceResponsibilities,
  getAttributeFact,
  getResourceResponsibility,
  namesOf,
  type AttributeFact,
} from '../../../server/src/engine/responsibility';
import { allRules } from '../../../server/src/engine/rules/registry';

const entries = allResourceResponsibilities();
const AWS_DOC = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;
const INITIAL_RULES = [
  'aws-s3-block-public-access',
  'aws-s3-kms-encryption',
  'aws-s3-versioning',
  'aws-s3-require-tls',
  'aws-ec2-open-admin-ports',
  'aws-ec2-open-all-ports',
  'aws-ec2-ebs-encryption',
  'aws-ec2-require-imdsv2',
  'aws-rds-encryption',
  'aws-rds-public-access',
  'aws-iam-wildcard-admin',
  'aws-iam-broad-run-instances',
  'aws-cloudtrail-multi-region',
  'aws-cloudtrail-log-validation',
  'aws-kms-key-rotation',
];

function allFacts(): AttributeFact[] {
  const byId = new Map<string, AttributeFact>();
  for (const e of entries) for (const f of e.attributes) byId.set(f.id, f);
  return [...byId.values()];
}

test('covers at least 120 resource types, each Terraform name once', () => {
  assert.ok(entries.length >= 120, `only ${entries.length} types`);
  const seen = new Set<string>();
  for (const e of entries) {
    assert.match(e.terraform, /^aws_[a-z0-9_]+$/, e.terraform);
    assert.ok(!seen.has(e.terraform), `duplicate entry ${e.terraform}`);
    seen.add(e.terraform);
  }
});

test('Terraform and CloudFormation names agree and map back', () => {
  for (const e of entries) {
    assert.equal(getResourceResponsibility(e.terraform), e, `${e.terraform} does not map back to itself`);
    if (e.cloudformation === null) {
      assert.equal(e.cloudformationRelation, 'none', `${e.terraform}: no twin but relation ${e.cloudformationRelation}`);
      assert.ok(e.note && /CloudFormation/.test(e.note), `${e.terraform}: a type without a CloudFormation twin must say so`);
      continue;
    }
    assert.match(e.cloudformation, /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, `${e.terraform}: ${e.cloudformation}`);
    const twin = getResourceResponsibility(e.cloudformation);
    assert.ok(twin, `${e.cloudformation} (from ${e.terraform}) is not found by its CloudFormation name`);
    assert.ok(namesOf(twin).includes(e.cloudformation), `${e.cloudformation} maps to ${twin.terraform}, which does not name it`);
    if (e.cloudformationRelation === 'same') {
      // A type may share its CloudFormation twin with an alias (aws_alb → aws_lb); the twin must be the same kind.
      assert.equal(twin.service, e.service, `${e.terraform} and ${twin.terraform} share ${e.cloudformation} but not a service`);
    } else {
      assert.equal(e.cloudformationRelation, 'parent');
      assert.ok(e.parent, `${e.terraform}: companion without a parent`);
      const parent = getResourceResponsibility(e.parent!);
      assert.ok(parent, `${e.terraform}: parent ${e.parent} is not in the knowledge base`);
      assert.equal(parent.cloudformation, e.cloudformation, `${e.terraform}: maps to ${e.cloudformation} but its parent is ${parent.cloudformation}`);
      assert.ok(e.note && e.note.includes(e.cloudformation), `${e.terraform}: companion needs a note naming ${e.cloudformation}`);
    }
    for (const also of e.alsoCloudFormation ?? []) assert.ok(getResourceResponsibility(also), `${also} (also of ${e.terraform}) is not found`);
  }
  // Both spellings give the same entry.
  assert.equal(getResourceResponsibility('AWS::S3::Bucket'), getResourceResponsibility('aws_s3_bucket'));
  assert.equal(getResourceResponsibility('aws_s3_bucket_versioning')!.cloudformation, 'AWS::S3::Bucket');
  assert.equal(getResourceResponsibility('data.aws_iam_policy_document')!.terraform, 'aws_iam_policy_document');
});

test('every entry answers every layer with an owner, a sentence and AWS sources', () => {
  for (const e of entries) {
    assert.ok(['infrastructure', 'container', 'abstracted'].includes(e.serviceModel), `${e.terraform}: ${e.serviceModel}`);
    assert.ok(e.summary.aws.length > 5 && e.summary.customer.length > 5, `${e.terraform}: empty summary`);
    assert.ok(e.sources.length >= 1, `${e.terraform}: no source`);
    for (const s of e.sources) assert.match(s, AWS_DOC, `${e.terraform}: source ${s}`);
    for (const layer of LAYERS) {
      const d = e.layers[layer];
      assert.ok(d, `${e.terraform}: layer ${layer} missing`);
      assert.ok(['aws', 'customer', 'shared'].includes(d.owner), `${e.terraform}/${layer}: owner ${d.owner}`);
      assert.ok(/^[A-Z].{10,}\.$/.test(d.why), `${e.terraform}/${layer}: "why" must be one plain sentence: ${d.why}`);
      assert.ok(!d.why.includes('{svc}'), `${e.terraform}/${layer}: unreplaced placeholder`);
      for (const lever of d.levers) assert.ok(lever.terraform || lever.cloudformation, `${e.terraform}/${layer}: empty lever`);
    }
    // Every resource leaves something to the customer; otherwise it would not be in infrastructure code.
    assert.ok(LAYERS.some((l) => e.layers[l].owner !== 'aws' && e.layers[l].applies), `${e.terraform}: no customer duty at all`);
    assert.equal(e.layers['facilities-hardware'].owner, 'aws', `${e.terraform}: facilities are always AWS's`);
  }
});

test('at least 80 attribute facts, each with meaning, default, owner, AWS source and known types', () => {
  const facts = allFacts();
  assert.ok(facts.length >= 80, `only ${facts.length} attribute facts`);
  for (const f of facts) {
    assert.ok(f.terraform || f.cloudformation, `${f.id}: no site`);
    assert.ok(f.controls.length > 10 && f.whenOmitted.length > 3, `${f.id}: meaning or default missing`);
    assert.ok(['aws', 'customer', 'shared'].includes(f.owner));
    assert.ok((LAYERS as readonly string[]).includes(f.layer), `${f.id}: layer ${f.layer}`);
    assert.ok(f.sources.length >= 1, `${f.id}: no source`);
    for (const s of f.sources) assert.match(s, AWS_DOC, `${f.id}: source ${s}`);
    if (f.terraform) assert.ok(getResourceResponsibility(f.terraform.type), `${f.id}: unknown type ${f.terraform.type}`);
    if (f.cloudformation) assert.ok(getResourceResponsibility(f.cloudformation.type), `${f.id}: unknown type ${f.cloudformation.type}`);
    for (const id of f.ruleIds) assert.match(id, /^aws-[a-z0-9]+-[a-z0-9-]+$/, `${f.id}: rule id ${id}`);
    if (f.defaultChanged) assert.match(f.defaultChanged.date, /^\d{4}-\d{2}(-\d{2})?$/);
  }
  // The dated S3 defaults are recorded.
  const sse = getAttributeFact('aws_s3_bucket_server_side_encryption_configuration', ['rule', '0', 'apply_server_side_encryption_by_default', '0', 'sse_algorithm']);
  assert.equal(sse?.defaultChanged?.date, '2023-01-05');
  const bpa = getAttributeFact('AWS::S3::Bucket', ['PublicAccessBlockConfiguration', 'BlockPublicAcls']);
  assert.equal(bpa?.defaultChanged?.date, '2023-04');
});

test('attribute lookup works in both namings, through list indexes, and falls back to the enclosing attribute', () => {
  assert.equal(getAttributeFact('aws_instance', ['metadata_options', 0, 'http_tokens'])?.cloudformation?.path, 'MetadataOptions.HttpTokens');
  assert.equal(getAttributeFact('AWS::EC2::Instance', ['MetadataOptions', 'HttpTokens'])?.terraform?.path, 'metadata_options.http_tokens');
  assert.equal(getAttributeFact('AWS::EC2::Instance', ['BlockDeviceMappings', 1, 'Ebs', 'Encrypted'])?.layer, 'encryption-at-rest');
  assert.equal(getAttributeFact('AWS::S3::BucketPolicy', ['PolicyDocument', 'Statement', 0, 'Effect'])?.id, 'aws_s3_bucket_policy:policy');
  assert.equal(getAttributeFact('aws_instance', ['ami']), undefined);
  assert.equal(getAttributeFact('aws_not_a_type', ['x']), undefined);
});

test("every rule's responsibility key (layer + resource types) exists in the knowledge base", (t) => {
  const rules = allRules();
  if (rules.length === 0) {
    t.skip('the rule registry is empty: nothing to check yet');
    return;
  }
  for (const r of rules) {
    const { layer, resourceTypes } = r.meta.responsibility;
    assert.ok((LAYERS as readonly string[]).includes(layer), `${r.meta.id}: unknown layer ${layer}`);
    assert.ok(resourceTypes.length > 0, `${r.meta.id}: no resource types`);
    for (const type of resourceTypes) {
      const e = getResourceResponsibility(type);
      assert.ok(e, `${r.meta.id}: resource type ${type} is not in the knowledge base`);
      const duty = e.layers[layer];
      assert.ok(duty.applies && duty.owner !== 'aws', `${r.meta.id}: checks ${layer} of ${type}, which the knowledge base gives to AWS alone`);
    }
  }
  // Facts that name a rule agree with the rule about the layer.
  const layerOf = new Map(rules.map((r) => [r.meta.id, r.meta.responsibility.layer]));
  for (const f of allFacts())
    for (const id of f.ruleIds) if (layerOf.has(id)) assert.equal(f.layer, layerOf.get(id), `${f.id} is linked to ${id} but sits in another layer`);
  // The initial rules are linked from facts, so hovers can say which rule checks an attribute.
  const linked = new Set(allFacts().flatMap((f) => f.ruleIds));
  for (const id of INITIAL_RULES) assert.ok(linked.has(id), `no attribute fact links ${id}`);
});

test('every resource type the model adapters read has an entry', () => {
  const root = join(__dirname, '../../../server/src/engine');
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/'(aws_[a-z0-9_]+|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)'/g)) names.add(m[1]!);
    }
  };
  for (const d of ['adapt', 'model']) {
    try {
      walk(join(root, d));
    } catch {
      // Folder not written yet: nothing to cover.
    }
  }
  const missing = [...names].filter((n) => !getResourceResponsibility(n));
  assert.deepEqual(missing, [], `model types without a knowledge-base entry: ${missing.join(', ')}`);
});
