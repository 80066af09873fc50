// Generates realistic benchmark workspaces: Terraform module folders and large CloudFormation templates.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function tfFile(m: number, f: number): string {
  const n = `${m}_${f}`;
  return `# generated module ${m} file ${f}
locals {
  name_${f} = "\${var.project}-${n}"
  tags_${f} = merge(var.tags, { Component = "c${f}" })
}

resource "aws_s3_bucket" "b_${f}" {
  bucket = local.name_${f}
  tags   = local.tags_${f}
}

resource "aws_s3_bucket_public_access_block" "b_${f}" {
  bucket                  = aws_s3_bucket.b_${f}.id
  block_public_acls       = true
  block_public_policy     = ${f % 3 === 0 ? 'false' : 'true'}
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_security_group" "sg_${f}" {
  name = "sg-${n}"
  ingress {
    from_port   = ${f % 4 === 0 ? 22 : 443}
    to_port     = ${f % 4 === 0 ? 22 : 443}
    protocol    = "tcp"
    cidr_blocks = [var.ingress_cidr]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "i_${f}" {
  ami           = "ami-0abcdef1234567890"
  instance_type = var.instance_type
  count         = ${f % 5 === 0 ? 2 : 1}
  metadata_options {
    http_tokens = "${f % 2 === 0 ? 'required' : 'optional'}"
  }
  root_block_device {
    encrypted   = ${f % 3 !== 0}
    volume_size = 20
  }
  tags = local.tags_${f}
}

resource "aws_iam_role_policy" "p_${f}" {
  role = "role-${n}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "\${aws_s3_bucket.b_${f}.arn}/*"
    }]
  })
}
`;
}

const VARIABLES = `variable "project" {
  default = "bench"
}
variable "tags" {
  default = { Owner = "platform" }
}
variable "ingress_cidr" {
  default = "0.0.0.0/0"
}
variable "instance_type" {
  default = "t3.micro"
}
`;

export function cfnTemplate(resources: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  Env:', '    Type: String', '    Default: dev', 'Resources:'];
  for (let i = 0; i < resources; i++) {
    switch (i % 4) {
      case 0:
        out.push(`  Bucket${i}:`, '    Type: AWS::S3::Bucket', '    Properties:', `      BucketName: !Sub "bench-\${Env}-${i}"`, '      VersioningConfiguration:', '        Status: Enabled');
        break;
      case 1:
        out.push(`  Sg${i}:`, '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: bench', '      SecurityGroupIngress:', '        - IpProtocol: tcp', '          FromPort: 22', '          ToPort: 22', `          CidrIp: ${i % 8 === 1 ? '0.0.0.0/0' : '10.0.0.0/8'}`);
        break;
      case 2:
        out.push(`  Volume${i}:`, '    Type: AWS::EC2::Volume', '    Properties:', '      AvailabilityZone: eu-west-1a', '      Size: 10', `      Encrypted: ${i % 3 === 0}`);
        break;
      default:
        out.push(`  Db${i}:`, '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      DBInstanceClass: db.t3.micro', '      StorageEncrypted: !Equals [!Ref Env, prod]', '      DBSubnetGroupName: private');
    }
  }
  return out.join('\n') + '\n';
}

/** `modules` folders × `filesPerModule` .tf files, plus `templates` CloudFormation templates of `templateResources` each. */
export function generateWorkspace(root: string, opts: { modules: number; filesPerModule: number; templates: number; templateResources: number }): { files: number; bytes: number; lines: number } {
  rmSync(root, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  let lines = 0;
  const write = (p: string, text: string) => {
    writeFileSync(p, text);
    files++;
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length;
  };
  for (let m = 0; m < opts.modules; m++) {
    const dir = join(root, 'terraform', `stack-${m}`);
    mkdirSync(dir, { recursive: true });
    write(join(dir, 'variables.tf'), VARIABLES);
    for (let f = 0; f < opts.filesPerModule - 1; f++) write(join(dir, `main-${f}.tf`), tfFile(m, f));
  }
  mkdirSync(join(root, 'cloudformation'), { recursive: true });
  for (let t = 0; t < opts.templates; t++) write(join(root, 'cloudformation', `stack-${t}.yaml`), cfnTemplate(opts.templateResources));
  return { files, bytes, lines };
}

/** The same resources as `cfnTemplate`, written as a JSON template (long-form intrinsic functions). */
export function cfnTemplateJson(resources: number): string {
  const res: Record<string, unknown> = {};
  for (let i = 0; i < resources; i++) {
    switch (i % 4) {
      case 0:
        res[`Bucket${i}`] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': `bench-\${Env}-${i}` }, VersioningConfiguration: { Status: 'Enabled' } } };
        break;
      case 1:
        res[`Sg${i}`] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'bench', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: i % 8 === 1 ? '0.0.0.0/0' : '10.0.0.0/8' }] } };
        break;
      case 2:
        res[`Volume${i}`] = { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: i % 3 === 0 } };
        break;
      default:
        res[`Db${i}`] = { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, DBSubnetGroupName: 'private' } };
    }
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { Env: { Type: 'String', Default: 'dev' } }, Resources: res }, null, 2) + '\n';
}

/**
 * A mixed workspace of about `files` files and 100 lines per file on average: 90% Terraform (modules of ten
 * files) and 10% CloudFormation templates (three YAML to one JSON), as in a monorepo with both.
 */
export function generateMixedWorkspace(root: string, files: number): { files: number; bytes: number; lines: number; terraformFiles: number; templates: number } {
  const modules = Math.max(1, Math.round((files * 0.9) / 10));
  const templates = Math.max(1, files - modules * 10);
  const tf = generateWorkspace(root, { modules, filesPerModule: 10, templates: 0, templateResources: 0 });
  let bytes = tf.bytes;
  let lines = tf.lines;
  // About 440 lines each (60 YAML resources or 36 JSON resources), bringing the average near 100 lines a file.
  for (let t = 0; t < templates; t++) {
    const json = t % 4 === 3;
    const text = json ? cfnTemplateJson(36) : cfnTemplate(60);
    writeFileSync(join(root, 'cloudformation', `stack-${t}.${json ? 'json' : 'yaml'}`), text);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length;
  }
  return { files: tf.files + templates, bytes, lines, terraformFiles: tf.files, templates };
}
