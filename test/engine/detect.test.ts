import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectKind } from '../../server/src/engine/detect';

test('file kinds by name and content', () => {
  assert.equal(detectKind('/a/main.tf', ''), 'terraform');
  assert.equal(detectKind('/a/main.tf.json', '{}'), 'terraform-json');
  assert.equal(detectKind('/a/prod.auto.tfvars', ''), 'tfvars');
  assert.equal(detectKind('/a/x.tfvars.json', '{}'), 'tfvars-json');
  assert.equal(detectKind('/a/t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n'), 'cloudformation-yaml');
  assert.equal(detectKind('/a/t.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n'), 'cloudformation-yaml');
  assert.equal(detectKind('/a/t.yml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'), 'cloudformation-yaml');
  assert.equal(detectKind('/a/t.json', '\uFEFF{\n  "Resources": { "B": { "Type": "AWS::S3::Bucket" } }\n}'), 'cloudformation-json');
  assert.equal(detectKind('/a/t.template', '{"AWSTemplateFormatVersion": "2010-09-09"}'), 'cloudformation-json');
  assert.equal(detectKind('/a/flow.yaml', '{Resources: {B: {Type: AWS::S3::Bucket}}}'), 'cloudformation-yaml', 'flow-style YAML is not JSON');
});

test('other YAML and JSON files are not ours', () => {
  assert.equal(detectKind('/a/docker-compose.yml', 'services:\n  web:\n    image: nginx\n'), undefined);
  assert.equal(detectKind('/a/package.json', '{"name": "x", "version": "1.0.0"}'), undefined);
  assert.equal(detectKind('/a/k8s.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Resources\n'), undefined);
  assert.equal(detectKind('/a/readme.md', 'Resources:\n  Type: AWS::S3::Bucket'), undefined);
});
