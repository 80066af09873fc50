// Scale check for a ~5,000-resource template. Prints timings (never asserted: the machine may be busy);
// asserts only that everything was read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate } from '../../../../server/src/engine/parse/cloudformation';
import { toPlain } from '../../../../server/src/engine/evaluate/value';
import { evaluate, get, resource } from './helpers';

const N = 5000;

function yamlTemplate(n: number): string {
  const out = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Env: {Type: String, Default: prod}',
    'Mappings:',
    '  Sizes: {prod: {Gb: 100}, dev: {Gb: 10}}',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Resources:',
  ];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0:
        out.push(
          `  Bucket${i}:`,
          '    Type: AWS::S3::Bucket',
          '    Properties:',
          `      BucketName: !Sub "\${Env}-bucket-${i}"`,
          '      VersioningConfiguration:',
          '        Status: !If [IsProd, Enabled, Suspended]',
          '      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true}',
        );
        break;
      case 1:
        out.push(
          `  Group${i}:`,
          '    Type: AWS::EC2::SecurityGroup',
          '    Properties:',
          '      GroupDescription: generated # comment',
          '      SecurityGroupIngress:',
          '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
        );
        break;
      case 2:
        out.push(
          `  Volume${i}:`,
          '    Type: AWS::EC2::Volume',
          '    Properties:',
          '      Size: !FindInMap [Sizes, !Ref Env, Gb]',
          '      Encrypted: false',
          `      AvailabilityZone: !Select [0, !GetAZs ""]`,
        );
        break;
      default:
        out.push(
          `  Role${i}:`,
          '    Type: AWS::IAM::Role',
          '    Properties:',
          '      AssumeRolePolicyDocument:',
          '        Statement:',
          '          - Effect: Allow',
          '            Principal: {Service: ec2.amazonaws.com}',
          '            Action: sts:AssumeRole',
          `      Description: !Join [" ", [role, "${i}", !GetAtt Bucket${i - 3}.Arn]]`,
        );
    }
  }
  return out.join('\n') + '\n';
}

function jsonTemplate(n: number): string {
  const res: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    res[`Bucket${i}`] = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: { 'Fn::Sub': `\${Env}-bucket-${i}` },
        VersioningConfiguration: { Status: { 'Fn::If': ['IsProd', 'Enabled', 'Suspended'] } },
        Tags: [{ Key: 'n', Value: String(i) }],
      },
    };
  }
  return JSON.stringify(
    {
      Parameters: { Env: { Type: 'String', Default: 'prod' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: res,
    },
    null,
    2,
  );
}

/** [result, wall ms, CPU ms]: CPU time is printed too because shared CI machines inflate wall time. */
function time<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = f();
  const c = process.cpuUsage(c0);
  return [v, performance.now() - t0, (c.user + c.system) / 1000];
}

describe(`scale: ${N}-resource templates`, () => {
  it('YAML: parse and evaluate', () => {
    const text = yamlTemplate(N);
    parseTemplate(yamlTemplate(50), 'cloudformation-yaml'); // warm up the code paths
    const [, parseMs, parseCpu] = time(() => parseTemplate(text, 'cloudformation-yaml'));
    const [r, totalMs, totalCpu] = time(() => evaluate(text));
    assert.deepEqual(r.problems, []);
    assert.equal(r.resources.length, N);
    assert.equal(toPlain(get(resource(r, 'Bucket4000').body, 'BucketName')), 'prod-bucket-4000');
    assert.equal(toPlain(get(resource(r, 'Volume4002').body, 'Size')), 100);
    assert.equal(r.comments.get('/ws/template.yaml')!.length, N / 4);
    const lines = text.split('\n').length;
    console.log(
      `YAML ${N} resources, ${lines} lines, ${(text.length / 1e6).toFixed(2)} MB: parse ${parseMs.toFixed(0)} ms ` +
        `(CPU ${parseCpu.toFixed(0)} ms), parse+evaluate ${totalMs.toFixed(0)} ms (CPU ${totalCpu.toFixed(0)} ms, ` +
        `${Math.round(lines / (totalMs / 1000))} lines/s)`,
    );
  });

  it('JSON: parse and evaluate', () => {
    const text = jsonTemplate(N);
    const [, parseMs, parseCpu] = time(() => parseTemplate(text, 'cloudformation-json'));
    const [r, totalMs, totalCpu] = time(() => evaluate(text, 'cloudformation-json'));
    assert.deepEqual(r.problems, []);
    assert.equal(r.resources.length, N);
    assert.equal(toPlain(get(resource(r, 'Bucket4999').body, 'VersioningConfiguration.Status')), 'Enabled');
    const baseline = time(() => JSON.parse(text))[1];
    console.log(
      `JSON ${N} resources, ${(text.length / 1e6).toFixed(2)} MB: parse ${parseMs.toFixed(0)} ms (CPU ${parseCpu.toFixed(0)} ms; ` +
        `JSON.parse without positions: ${baseline.toFixed(0)} ms), parse+evaluate ${totalMs.toFixed(0)} ms (CPU ${totalCpu.toFixed(0)} ms)`,
    );
  });
});
