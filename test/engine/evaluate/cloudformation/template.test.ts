import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { allSpans, at, evaluate, fixture, get, resource } from './helpers';

describe('realistic template (S3, bucket policy, security group, EC2 + launch template, RDS, IAM, KMS, CloudTrail)', () => {
  const text = fixture('realistic.yaml');
  const r = evaluate(text);

  it('parses without problems and keeps every resource whose condition is not false', () => {
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.resources.map((x) => `${x.name}:${x.type}`),
      [
        'LogsBucket:AWS::S3::Bucket',
        'LogsBucketPolicy:AWS::S3::BucketPolicy',
        'WebSecurityGroup:AWS::EC2::SecurityGroup',
        'WebLaunchTemplate:AWS::EC2::LaunchTemplate',
        'WebInstance:AWS::EC2::Instance',
        'Database:AWS::RDS::DBInstance',
        'AppRole:AWS::IAM::Role',
        'DataKey:AWS::KMS::Key',
        'Trail:AWS::CloudTrail::Trail',
      ],
    );
    // DevOnlyQueue has Condition IsDev, false with the default Environment=prod.
    assert.equal(r.resources.find((x) => x.name === 'DevOnlyQueue'), undefined);
    for (const res of r.resources) {
      assert.equal(res.format, 'cloudformation');
      assert.equal(res.mode, 'resource');
      assert.equal(res.address, res.name);
      assert.equal(res.file, '/ws/template.yaml');
    }
  });

  it('locates resources: whole entry, logical id header, Properties mapping', () => {
    const b = resource(r, 'LogsBucket');
    assert.equal(at(text, b.headerSpan), 'LogsBucket');
    const whole = at(text, b.span)!;
    assert.ok(whole.startsWith('LogsBucket:\n    Type: AWS::S3::Bucket'));
    assert.ok(whole.endsWith('Status: !If [IsProd, Enabled, Suspended]'));
    const props = at(text, b.bodySpan)!;
    assert.ok(props.startsWith('BucketName: !Sub "${Environment}-audit-logs"'));
    assert.ok(props.endsWith('Suspended]'));
    const trail = resource(r, 'Trail');
    assert.equal(trail.condition, 'IsProd');
    assert.ok(at(text, trail.span)!.endsWith('KMSKeyId: !Ref DataKey'));
  });

  it('evaluates values with origins, spans and derivation chains', () => {
    const b = resource(r, 'LogsBucket').body;
    const name = get(b, 'BucketName')!;
    assert.equal(toPlain(name), 'prod-audit-logs');
    assert.equal(name.origin, 'derived');
    assert.equal(at(text, name.span), '!Sub "${Environment}-audit-logs"');
    assert.deepEqual(name.via?.map((s) => at(text, s)), ['prod']);
    assert.equal(toPlain(get(b, 'PublicAccessBlockConfiguration.BlockPublicAcls')), true);
    assert.equal(get(b, 'PublicAccessBlockConfiguration.BlockPublicAcls')!.origin, 'explicit');
    const kms = get(b, 'BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID')!;
    assert.equal(kms.kind, 'unknown');
    assert.deepEqual(kms.refs, [{ address: 'DataKey', attribute: 'Arn' }]);
    assert.equal(toPlain(get(b, 'VersioningConfiguration.Status')), 'Enabled');

    const sg = resource(r, 'WebSecurityGroup').body;
    const cidr = get(sg, 'SecurityGroupIngress.1.CidrIp')!;
    assert.equal(toPlain(cidr), '0.0.0.0/0');
    assert.equal(cidr.origin, 'derived');
    assert.equal(at(text, cidr.span), '!Ref AdminCidr');
    assert.deepEqual(cidr.via?.map((s) => at(text, s)), ['0.0.0.0/0']);
    assert.equal(toPlain(get(sg, 'SecurityGroupIngress.0.FromPort')), 443);

    const lt = resource(r, 'WebLaunchTemplate').body;
    assert.equal(toPlain(get(lt, 'LaunchTemplateData.ImageId')), 'ami-0abc1234');
    assert.equal(toPlain(get(lt, 'LaunchTemplateData.InstanceType')), 't3.micro');
    assert.equal(toPlain(get(lt, 'LaunchTemplateData.MetadataOptions.HttpTokens')), 'optional');
    const enc = get(lt, 'LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted')!;
    assert.equal(toPlain(enc), false);
    assert.equal(at(text, enc.span), 'false');
    assert.equal(toPlain(get(lt, 'LaunchTemplateData.UserData')), Buffer.from('#!/bin/bash\nyum -y update\n').toString('base64'));

    const inst = resource(r, 'WebInstance').body;
    assert.deepEqual(get(inst, 'LaunchTemplate.LaunchTemplateId')!.refs, [{ address: 'WebLaunchTemplate' }]);
    assert.equal(toPlain(get(inst, 'SubnetId')), 'subnet-a');
    assert.deepEqual(get(inst, 'SecurityGroupIds.0')!.refs, [{ address: 'WebSecurityGroup' }]);

    const db = resource(r, 'Database').body;
    assert.equal(toPlain(get(db, 'DBInstanceClass')), 'db.m5.large');
    assert.equal(toPlain(get(db, 'MultiAZ')), true);
    assert.equal(toPlain(get(db, 'StorageEncrypted')), true);
    assert.equal(toPlain(get(db, 'AllocatedStorage')), '100');
    const pw = get(db, 'MasterUserPassword')!;
    assert.equal(pw.kind, 'unknown');
    assert.match((pw as { reason?: string }).reason!, /DbPassword has no default/);

    const key = resource(r, 'DataKey').body;
    assert.equal(toPlain(get(key, 'EnableKeyRotation')), false);
    assert.equal(get(key, 'KeyPolicy.Statement.0.Principal.AWS')!.kind, 'unknown');

    const trail = resource(r, 'Trail').body;
    assert.equal(toPlain(get(trail, 'IsMultiRegionTrail')), false);
    assert.deepEqual(get(trail, 'S3BucketName')!.refs, [{ address: 'LogsBucket' }]);
  });

  it('parses a policy given as a JSON string, with spans inside the string', () => {
    const doc = get(resource(r, 'AppRole').body, 'Policies.0.PolicyDocument')!;
    assert.equal(doc.kind, 'string');
    assert.ok(doc.kind === 'string' && doc.json);
    const json = doc.kind === 'string' ? doc.json : undefined;
    assert.deepEqual(toPlain(json), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const action = get(json, 'Statement.0.Action')!;
    assert.equal(at(text, action.span), '"*"');
    const stmt = get(json, 'Statement.0')!;
    assert.equal(stmt.kind === 'object' && at(text, stmt.fields.get('Effect')!.keySpan), '"Effect"');
  });

  it('collects comments with spans', () => {
    const c = r.comments.get('/ws/template.yaml')!;
    assert.equal(c.length, 1);
    assert.equal(c[0]!.text, ' demarc:ignore aws-s3-versioning -- logs are write-once');
    assert.equal(at(text, c[0]!.span), '# demarc:ignore aws-s3-versioning -- logs are write-once');
  });

  it('every span lies inside the file', () => {
    for (const res of r.resources) {
      for (const s of [res.span, res.headerSpan, res.bodySpan, ...allSpans(res.body)]) {
        if (!s) continue;
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${res.name} ${s.start}-${s.end}`);
      }
    }
  });
});

describe('conditions on resources', () => {
  const base = (cond: string) => `Parameters:
  Env: {Type: String, Default: prod}
  Free: {Type: String}
Conditions:
  C: ${cond}
Resources:
  Q:
    Type: AWS::SQS::Queue
    Condition: C
    Properties:
      QueueName: q
`;
  it('a known true condition keeps the resource, with its condition name', () => {
    const r = evaluate(base('!Equals [!Ref Env, prod]'));
    assert.equal(resource(r, 'Q').condition, 'C');
  });
  it('a known false condition drops it', () => {
    assert.equal(evaluate(base('!Equals [!Ref Env, dev]')).resources.length, 0);
  });
  it('an unknown condition keeps it, with its condition name', () => {
    for (const c of ['!Equals [!Ref Free, x]', '!Equals [!Ref "AWS::Region", us-east-1]']) {
      const r = evaluate(base(c));
      assert.equal(resource(r, 'Q').condition, 'C');
    }
  });
  it('an undefined condition is reported and the resource kept', () => {
    const r = evaluate(base('!Equals [a, a]').replace('Condition: C', 'Condition: Missing'));
    assert.equal(resource(r, 'Q').condition, 'Missing');
    assert.ok(r.problems.some((p) => p.code === 'cfn-structure' && /Missing/.test(p.message)));
  });
});

describe('resource shape', () => {
  it('Properties absent: empty body, no bodySpan; Metadata evaluated', () => {
    const text = `Resources:
  T:
    Type: AWS::SNS::Topic
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_26
            comment: not sensitive
`;
    const r = evaluate(text);
    const t = resource(r, 'T');
    assert.equal(t.body.fields.size, 0);
    assert.equal(t.bodySpan, undefined);
    assert.deepEqual(toPlain(t.metadata), { checkov: { skip: [{ id: 'CKV_AWS_26', comment: 'not sensitive' }] } });
  });

  it('a resource without Type is reported; the others are kept', () => {
    const text = `Resources:
  NoType:
    Properties: {}
  Scalar: hello
  Good:
    Type: AWS::SNS::Topic
`;
    const r = evaluate(text);
    assert.deepEqual(r.resources.map((x) => x.name), ['Good']);
    const msgs = r.problems.map((p) => `${p.code}|${at(text, p.span)}|${p.message}`);
    assert.ok(msgs.includes('cfn-structure|NoType|Resource NoType has no Type'));
    assert.ok(msgs.some((m) => m.startsWith('cfn-structure|Scalar|')));
  });

  it('a template that is not a mapping, or has no Resources, is a structure problem', () => {
    assert.equal(evaluate('- a\n- b\n').problems[0]!.code, 'cfn-structure');
    const r = evaluate('AWSTemplateFormatVersion: "2010-09-09"\n');
    assert.match(r.problems[0]!.message, /no Resources/);
    assert.equal(r.problems[0]!.range?.start.line, 0);
  });

  it('a policy document given as an escaped JSON string in a JSON template maps spans through the escapes', () => {
    const text = `{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {
  "PolicyDocument": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"ec2:*\\", \\"Resource\\": \\"*\\"}]}"
}}}}`;
    const r = evaluate(text, 'cloudformation-json');
    assert.deepEqual(r.problems, []);
    const doc = get(resource(r, 'P').body, 'PolicyDocument')!;
    assert.ok(doc.kind === 'string' && doc.json);
    const action = get(doc.kind === 'string' ? doc.json : undefined, 'Statement.0.Action')!;
    assert.equal(toPlain(action), 'ec2:*');
    assert.equal(at(text, action.span), '\\"ec2:*\\"');
  });

  it('a YAML literal block holding JSON maps spans through the indentation', () => {
    const text = `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]
        }
`;
    const r = evaluate(text);
    const doc = get(resource(r, 'P').body, 'PolicyDocument')!;
    const action = get(doc.kind === 'string' ? doc.json : undefined, 'Statement.0.Action')!;
    assert.equal(at(text, action.span), '"iam:*"');
  });
});

describe('anchors, !Sub policies', () => {
  it('Properties given by an alias: values from the anchor, bodySpan at the alias', () => {
    const text = `Resources:
  A:
    Type: AWS::SQS::Queue
    Properties: &common
      KmsMasterKeyId: alias/aws/sqs
  B:
    Type: AWS::SQS::Queue
    Properties: *common
`;
    const r = evaluate(text);
    assert.deepEqual(r.problems, []);
    const b = resource(r, 'B');
    assert.equal(toPlain(get(b.body, 'KmsMasterKeyId')), 'alias/aws/sqs');
    assert.equal(at(text, get(b.body, 'KmsMasterKeyId')!.span), 'alias/aws/sqs');
    assert.equal(at(text, b.bodySpan), '*common');
    // An anchor is not part of the node's span (a tag is): the mapping starts at its first key.
    assert.equal(at(text, resource(r, 'A').bodySpan), 'KmsMasterKeyId: alias/aws/sqs');
  });

  it('a policy written with !Sub and known parts is parsed, located at the !Sub', () => {
    const text = `Parameters:
  Bucket: {Type: String, Default: logs}
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Sub |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::\${Bucket}/*"}]}
`;
    const r = evaluate(text);
    const doc = get(resource(r, 'P').body, 'PolicyDocument')!;
    assert.equal(doc.origin, 'derived');
    assert.ok(doc.kind === 'string' && doc.json);
    const res = get(doc.kind === 'string' ? doc.json : undefined, 'Statement.0.Resource')!;
    assert.equal(toPlain(res), 'arn:aws:s3:::logs/*');
    assert.ok(at(text, res.span)!.startsWith('!Sub |'));
  });
});

describe('SAM templates', () => {
  const text = fixture('sam.yaml');
  const r = evaluate(text);

  it('keeps serverless types as they are', () => {
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.resources.map((x) => x.type),
      ['AWS::Serverless::Function', 'AWS::Serverless::Function', 'AWS::Serverless::Api', 'AWS::Serverless::SimpleTable'],
    );
  });

  it('applies Globals for properties a resource does not set, merging mappings key by key and concatenating lists', () => {
    const hello = resource(r, 'HelloFunction').body;
    assert.equal(toPlain(get(hello, 'Timeout')), 5);
    assert.equal(get(hello, 'Timeout')!.origin, 'explicit');
    assert.equal(toPlain(get(hello, 'Runtime')), 'python3.12');
    const runtime = get(hello, 'Runtime')!;
    assert.equal(runtime.origin, 'derived');
    assert.equal(at(text, runtime.span), 'python3.12');
    assert.deepEqual(toPlain(get(hello, 'Environment.Variables')), { LOG_LEVEL: 'debug', STAGE: 'prod' });
    assert.deepEqual(toPlain(get(hello, 'Layers')), [
      'arn:aws:lambda:us-east-1:123456789012:layer:common:1',
      'arn:aws:lambda:us-east-1:123456789012:layer:hello:3',
    ]);
    assert.equal(at(text, get(hello, 'Layers.0')!.span), 'arn:aws:lambda:us-east-1:123456789012:layer:common:1');
    const bare = resource(r, 'BareFunction').body;
    assert.equal(toPlain(get(bare, 'Timeout')), 30);
    assert.equal(toPlain(get(bare, 'Tracing')), 'Active');
    assert.equal(toPlain(get(resource(r, 'HelloApi').body, 'TracingEnabled')), true);
    // Globals are applied to copies: one function's merge does not leak into the other.
    assert.deepEqual(toPlain(get(bare, 'Environment.Variables')), { STAGE: 'prod', LOG_LEVEL: 'info' });
  });
});
