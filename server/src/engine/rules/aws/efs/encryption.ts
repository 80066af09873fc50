import { fileSystem } from '../../../model/aws/efs';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-efs-encryption',
    provider: 'aws',
    service: 'efs',
    severity: 'medium',
    title: 'EFS file system is not encrypted at rest',
    explanation:
      'An unencrypted file system keeps file data and metadata on AWS storage without KMS protection, and encryption cannot be switched on later: the data has to be copied to a new file system. AWS supplies the encryption; asking for it at creation is your duty.',
    resolution: 'Set encrypted = true (CloudFormation: Encrypted: true), optionally with a customer managed kms_key_id; migrate existing data to the new file system.',
    links: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1'],
    responsibility: { layer: 'encryption-at-rest', resourceTypes: ['aws_efs_file_system', 'AWS::EFS::FileSystem'] },
    controls: ['aws-fsbp:EFS.1', 'aws-securityhub:EFS.8'],
    equivalents: { checkov: ['CKV_AWS_42'], kics: ['48207659-729f-4b5c-9402-f884257d794f', '2ff8e83c-90e1-4d68-a300-6d652112e622'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n}\n' }],
        good: [{ code: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n  encrypted      = true\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n' }],
        good: [{ code: 'Resources:\n  Shared:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n' }],
      },
    },
  },
  kind: fileSystem,
  field: 'encrypted',
  insecure: (v) => v === false,
  fix: true,
  consequence: 'file data is stored without encryption (changing this replaces the file system)',
});
