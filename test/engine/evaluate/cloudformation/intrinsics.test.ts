// Every intrinsic function, in short-form YAML, long-form YAML and JSON, evaluated against one template.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import type { Val } from '../../../../server/src/engine/evaluate/value';
import { at, evaluate, resource } from './helpers';

const YAML_HEAD = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  NoDef: {Type: String}
  Cidrs: {Type: CommaDelimitedList, Default: "10.0.0.0/8,192.168.0.0/16"}
Mappings:
  Sizes:
    prod: {Small: 10, Large: 100}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [dev, !Ref Env]
  Unknown: !Equals [!Ref NoDef, x]
Resources:
  Other:
    Type: AWS::SNS::Topic
  R:
    Type: AWS::S3::Bucket
    Properties:
      V: `;

function jsonTemplate(expr: string): string {
  return `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Env": {"Type": "String", "Default": "prod"},
    "NoDef": {"Type": "String"},
    "Cidrs": {"Type": "CommaDelimitedList", "Default": "10.0.0.0/8,192.168.0.0/16"}
  },
  "Mappings": {"Sizes": {"prod": {"Small": 10, "Large": 100}}},
  "Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "IsDev": {"Fn::Equals": ["dev", {"Ref": "Env"}]},
    "Unknown": {"Fn::Equals": [{"Ref": "NoDef"}, "x"]}
  },
  "Resources": {
    "Other": {"Type": "AWS::SNS::Topic"},
    "R": {"Type": "AWS::S3::Bucket", "Properties": {"V": ${expr}}}
  }
}`;
}

type Expect =
  | { value: unknown; origin?: 'explicit' | 'derived'; via?: string[]; span?: string }
  | { unknown: true; refs?: { address: string; attribute?: string }[]; reason?: RegExp }
  | { absent: true };

interface Case {
  name: string;
  short: string;
  long: string;
  json: string;
  expect: Expect;
}

const CASES: Case[] = [
  { name: 'Ref to a parameter with a default', short: '!Ref Env', long: '{Ref: Env}', json: '{"Ref": "Env"}', expect: { value: 'prod', origin: 'derived', via: ['prod'] } },
  { name: 'Ref to a parameter without a default', short: '!Ref NoDef', long: '{Ref: NoDef}', json: '{"Ref": "NoDef"}', expect: { unknown: true, reason: /parameter NoDef has no default/ } },
  { name: 'Ref to a resource', short: '!Ref Other', long: '{Ref: Other}', json: '{"Ref": "Other"}', expect: { unknown: true, refs: [{ address: 'Other' }] } },
  { name: 'Ref to a pseudo parameter', short: '!Ref AWS::Region', long: '{Ref: "AWS::Region"}', json: '{"Ref": "AWS::Region"}', expect: { unknown: true, reason: /pseudo parameter AWS::Region/ } },
  { name: 'Ref to AWS::NoValue removes the property', short: '!Ref AWS::NoValue', long: '{Ref: "AWS::NoValue"}', json: '{"Ref": "AWS::NoValue"}', expect: { absent: true } },
  { name: 'Sub (scalar form)', short: '!Sub "${Env}-logs"', long: '{"Fn::Sub": "${Env}-logs"}', json: '{"Fn::Sub": "${Env}-logs"}', expect: { value: 'prod-logs', origin: 'derived', via: ['prod'] } },
  { name: 'Sub (list form with variables)', short: '!Sub ["${A}-${Env}", {A: alpha}]', long: '{"Fn::Sub": ["${A}-${Env}", {A: alpha}]}', json: '{"Fn::Sub": ["${A}-${Env}", {"A": "alpha"}]}', expect: { value: 'alpha-prod', origin: 'derived' } },
  { name: 'Sub with a literal ${!…}', short: '!Sub "${!Literal}-x"', long: '{"Fn::Sub": "${!Literal}-x"}', json: '{"Fn::Sub": "${!Literal}-x"}', expect: { value: '${Literal}-x', origin: 'explicit' } },
  { name: 'Sub with a resource attribute', short: '!Sub "${Other.TopicName}-x"', long: '{"Fn::Sub": "${Other.TopicName}-x"}', json: '{"Fn::Sub": "${Other.TopicName}-x"}', expect: { unknown: true, refs: [{ address: 'Other', attribute: 'TopicName' }] } },
  { name: 'GetAtt (dotted)', short: '!GetAtt Other.TopicName', long: '{"Fn::GetAtt": [Other, TopicName]}', json: '{"Fn::GetAtt": ["Other", "TopicName"]}', expect: { unknown: true, refs: [{ address: 'Other', attribute: 'TopicName' }] } },
  { name: 'GetAtt (list form)', short: '!GetAtt [Other, TopicName]', long: '{"Fn::GetAtt": "Other.TopicName"}', json: '{"Fn::GetAtt": ["Other", "TopicName"]}', expect: { unknown: true, refs: [{ address: 'Other', attribute: 'TopicName' }] } },
  { name: 'Join', short: '!Join [":", [a, !Ref Env]]', long: '{"Fn::Join": [":", [a, {Ref: Env}]]}', json: '{"Fn::Join": [":", ["a", {"Ref": "Env"}]]}', expect: { value: 'a:prod', origin: 'derived', via: ['prod'] } },
  { name: 'Join with an unknown part', short: '!Join ["", [!GetAtt Other.TopicName, "/*"]]', long: '{"Fn::Join": ["", [{"Fn::GetAtt": [Other, TopicName]}, "/*"]]}', json: '{"Fn::Join": ["", [{"Fn::GetAtt": ["Other", "TopicName"]}, "/*"]]}', expect: { unknown: true, refs: [{ address: 'Other', attribute: 'TopicName' }] } },
  { name: 'If with a true condition', short: '!If [IsProd, big, small]', long: '{"Fn::If": [IsProd, big, small]}', json: '{"Fn::If": ["IsProd", "big", "small"]}', expect: { value: 'big', origin: 'explicit', span: 'big' } },
  { name: 'If with a false condition', short: '!If [IsDev, big, small]', long: '{"Fn::If": [IsDev, big, small]}', json: '{"Fn::If": ["IsDev", "big", "small"]}', expect: { value: 'small', origin: 'explicit', span: 'small' } },
  { name: 'If with an unknown condition', short: '!If [Unknown, !Ref Other, small]', long: '{"Fn::If": [Unknown, {Ref: Other}, small]}', json: '{"Fn::If": ["Unknown", {"Ref": "Other"}, "small"]}', expect: { unknown: true, refs: [{ address: 'Other' }] } },
  { name: 'If choosing AWS::NoValue', short: '!If [IsProd, !Ref AWS::NoValue, x]', long: '{"Fn::If": [IsProd, {Ref: "AWS::NoValue"}, x]}', json: '{"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, "x"]}', expect: { absent: true } },
  { name: 'Equals', short: '!Equals [!Ref Env, prod]', long: '{"Fn::Equals": [{Ref: Env}, prod]}', json: '{"Fn::Equals": [{"Ref": "Env"}, "prod"]}', expect: { value: true } },
  { name: 'Not', short: '!Not [!Equals [a, b]]', long: '{"Fn::Not": [{"Fn::Equals": [a, b]}]}', json: '{"Fn::Not": [{"Fn::Equals": ["a", "b"]}]}', expect: { value: true } },
  { name: 'And with Condition', short: '!And [!Condition IsProd, !Equals [1, 1]]', long: '{"Fn::And": [{Condition: IsProd}, {"Fn::Equals": [1, 1]}]}', json: '{"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": [1, 1]}]}', expect: { value: true } },
  { name: 'Or with an unknown operand and a true one', short: '!Or [!Condition Unknown, !Condition IsProd]', long: '{"Fn::Or": [{Condition: Unknown}, {Condition: IsProd}]}', json: '{"Fn::Or": [{"Condition": "Unknown"}, {"Condition": "IsProd"}]}', expect: { value: true } },
  { name: 'Or with an unknown operand and a false one', short: '!Or [!Condition Unknown, !Condition IsDev]', long: '{"Fn::Or": [{Condition: Unknown}, {Condition: IsDev}]}', json: '{"Fn::Or": [{"Condition": "Unknown"}, {"Condition": "IsDev"}]}', expect: { unknown: true } },
  { name: 'Select from a literal list', short: '!Select [1, [a, b, c]]', long: '{"Fn::Select": [1, [a, b, c]]}', json: '{"Fn::Select": [1, ["a", "b", "c"]]}', expect: { value: 'b', origin: 'derived', via: ['b'] } },
  { name: 'Select from a CommaDelimitedList parameter', short: '!Select [1, !Ref Cidrs]', long: '{"Fn::Select": ["1", {Ref: Cidrs}]}', json: '{"Fn::Select": ["1", {"Ref": "Cidrs"}]}', expect: { value: '192.168.0.0/16', origin: 'derived' } },
  { name: 'Split', short: '!Split [",", "a,b,c"]', long: '{"Fn::Split": [",", "a,b,c"]}', json: '{"Fn::Split": [",", "a,b,c"]}', expect: { value: ['a', 'b', 'c'], origin: 'derived' } },
  { name: 'FindInMap', short: '!FindInMap [Sizes, !Ref Env, Large]', long: '{"Fn::FindInMap": [Sizes, {Ref: Env}, Large]}', json: '{"Fn::FindInMap": ["Sizes", {"Ref": "Env"}, "Large"]}', expect: { value: 100, origin: 'derived', via: ['100'] } },
  { name: 'Base64', short: '!Base64 hello', long: '{"Fn::Base64": hello}', json: '{"Fn::Base64": "hello"}', expect: { value: 'aGVsbG8=', origin: 'derived' } },
  { name: 'Base64 of a Sub', short: '!Base64 {"Fn::Sub": "${Env}"}', long: '{"Fn::Base64": {"Fn::Sub": "${Env}"}}', json: '{"Fn::Base64": {"Fn::Sub": "${Env}"}}', expect: { value: Buffer.from('prod').toString('base64'), origin: 'derived' } },
  { name: 'Cidr', short: '!Cidr [10.0.0.0/16, 4, 8]', long: '{"Fn::Cidr": [10.0.0.0/16, 4, 8]}', json: '{"Fn::Cidr": ["10.0.0.0/16", 4, 8]}', expect: { unknown: true } },
  { name: 'ImportValue', short: '!ImportValue shared-vpc', long: '{"Fn::ImportValue": shared-vpc}', json: '{"Fn::ImportValue": "shared-vpc"}', expect: { unknown: true, reason: /imported value shared-vpc/ } },
  { name: 'GetAZs', short: '!GetAZs ""', long: '{"Fn::GetAZs": ""}', json: '{"Fn::GetAZs": ""}', expect: { unknown: true } },
  { name: 'Select over GetAZs', short: '!Select [0, !GetAZs ""]', long: '{"Fn::Select": [0, {"Fn::GetAZs": ""}]}', json: '{"Fn::Select": [0, {"Fn::GetAZs": ""}]}', expect: { unknown: true } },
  { name: 'Length (language extensions)', short: '!Length [a, b, c]', long: '{"Fn::Length": [a, b, c]}', json: '{"Fn::Length": ["a", "b", "c"]}', expect: { value: 3, origin: 'derived' } },
  { name: 'ToJsonString (language extensions)', short: '!ToJsonString {Effect: Allow, Action: "s3:*"}', long: '{"Fn::ToJsonString": {Effect: Allow, Action: "s3:*"}}', json: '{"Fn::ToJsonString": {"Effect": "Allow", "Action": "s3:*"}}', expect: { value: '{"Effect":"Allow","Action":"s3:*"}', origin: 'derived' } },
  { name: 'Transform', short: '!Transform {Name: "AWS::Include", Parameters: {Location: "s3://b/k"}}', long: '{"Fn::Transform": {Name: "AWS::Include", Parameters: {Location: "s3://b/k"}}}', json: '{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}}', expect: { unknown: true } },
];

function check(expect: Expect, v: Val | undefined, text: string, expr: string) {
  if ('absent' in expect) {
    assert.equal(v, undefined);
    return;
  }
  assert.ok(v, 'value present');
  // A value chosen by Fn::If stays where its literal is written (the branch), so fixes edit that branch.
  const spanText = 'span' in expect && expect.span !== undefined ? expect.span : expr;
  // JSON string spans include their quotes.
  const unq = (x: string | undefined) => x?.replace(/^"(.*)"$/, '$1');
  assert.equal(unq(at(text, v.span)), spanText, 'span covers the expression as written');
  if ('unknown' in expect) {
    assert.equal(v.kind, 'unknown');
    if (expect.refs) assert.deepEqual(v.refs, expect.refs);
    if (expect.reason) assert.match((v as { reason?: string }).reason ?? '', expect.reason);
    return;
  }
  assert.deepEqual(toPlain(v), expect.value);
  if (expect.origin) assert.equal(v.origin, expect.origin);
  if (expect.via) assert.deepEqual(v.via?.map((s) => unq(at(text, s))), expect.via);
}

for (const form of ['short', 'long', 'json'] as const) {
  describe(`CloudFormation intrinsics, ${form === 'json' ? 'JSON template' : `YAML ${form} form`}`, () => {
    for (const c of CASES) {
      it(c.name, () => {
        const expr = c[form];
        const text = form === 'json' ? jsonTemplate(expr) : YAML_HEAD + expr + '\n';
        const r = evaluate(text, form === 'json' ? 'cloudformation-json' : 'cloudformation-yaml');
        assert.deepEqual(r.problems, []);
        const res = resource(r, 'R');
        check(c.expect, res.body.fields.get('V')?.value, text, expr);
      });
    }
  });
}

describe('CloudFormation intrinsics: structure kept', () => {
  it('Fn::ToJsonString keeps the structure with the spans of its parts', () => {
    const text = YAML_HEAD + '!ToJsonString {Statement: [{Effect: Allow, Action: "s3:*", Resource: !Sub "arn:aws:s3:::${Env}/*"}]}\n';
    const v = resource(evaluate(text), 'R').body.fields.get('V')!.value;
    assert.ok(v.kind === 'string' && v.json);
    const st = v.json.kind === 'object' ? v.json.fields.get('Statement')!.value : undefined;
    const first = st?.kind === 'list' ? st.items[0] : undefined;
    assert.ok(first?.kind === 'object');
    assert.equal(at(text, first.fields.get('Action')!.value.span), '"s3:*"');
    assert.equal(toPlain(first.fields.get('Resource')!.value), 'arn:aws:s3:::prod/*');
  });
});

describe('CloudFormation intrinsics: misuse', () => {
  it('an unknown tag is a warning and the value is still read', () => {
    const text = YAML_HEAD + '!Frobnicate hello\n';
    const r = evaluate(text);
    const p = r.problems.find((x) => x.code === 'yaml-unknown-tag');
    assert.ok(p);
    assert.equal(p.severity, 'warning');
    assert.equal(at(text, p.span), '!Frobnicate');
    assert.equal(toPlain(resource(r, 'R').body.fields.get('V')?.value), 'hello');
  });

  it('Ref and GetAtt to names that do not exist are reported', () => {
    const r1 = evaluate(YAML_HEAD + '!Ref Nowhere\n');
    assert.ok(r1.problems.some((p) => p.code === 'cfn-structure' && /Nowhere/.test(p.message)));
    const r2 = evaluate(YAML_HEAD + '!GetAtt Nowhere.Arn\n');
    assert.ok(r2.problems.some((p) => p.code === 'cfn-structure' && /Nowhere/.test(p.message)));
  });

  it('a missing mapping entry is reported and unknown', () => {
    const text = YAML_HEAD + '!FindInMap [Sizes, prod, Huge]\n';
    const r = evaluate(text);
    assert.ok(r.problems.some((p) => /no entry prod → Huge/.test(p.message)));
    assert.equal(resource(r, 'R').body.fields.get('V')?.value.kind, 'unknown');
  });

  it('a self-referencing condition does not loop', () => {
    const text = YAML_HEAD.replace('  Unknown: !Equals [!Ref NoDef, x]', '  Loop: !Not [!Condition Loop]') + '!If [Loop, a, b]\n';
    const r = evaluate(text);
    assert.equal(resource(r, 'R').body.fields.get('V')?.value.kind, 'unknown');
    assert.ok(r.problems.some((p) => /refers to itself/.test(p.message)));
  });
});
