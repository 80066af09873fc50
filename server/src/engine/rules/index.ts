// The rule registry, alphabetical by id. Adding a rule: its file, its test, one line here.
import type { Rule } from './rule';
import awsCloudtrailLogValidation from './aws/cloudtrail/log-validation';
import awsCloudtrailMultiRegion from './aws/cloudtrail/multi-region';
import awsEc2EbsEncryption from './aws/ec2/ebs-encryption';
import awsEc2OpenAdminPorts from './aws/ec2/open-admin-ports';
import awsEc2OpenAllPorts from './aws/ec2/open-all-ports';
import awsEc2RequireImdsv2 from './aws/ec2/require-imdsv2';
import awsIamBroadRunInstances from './aws/iam/broad-run-instances';
import awsIamWildcardAdmin from './aws/iam/wildcard-admin';
import awsKmsKeyRotation from './aws/kms/key-rotation';
import awsRdsEncryption from './aws/rds/encryption';
import awsRdsPublicAccess from './aws/rds/public-access';
import awsS3BlockPublicAccess from './aws/s3/block-public-access';
import awsS3KmsEncryption from './aws/s3/kms-encryption';
import awsS3RequireTls from './aws/s3/require-tls';
import awsS3Versioning from './aws/s3/versioning';

export const RULES: readonly Rule[] = [
  awsCloudtrailLogValidation,
  awsCloudtrailMultiRegion,
  awsEc2EbsEncryption,
  awsEc2OpenAdminPorts,
  awsEc2OpenAllPorts,
  awsEc2RequireImdsv2,
  awsIamBroadRunInstances,
  awsIamWildcardAdmin,
  awsKmsKeyRotation,
  awsRdsEncryption,
  awsRdsPublicAccess,
  awsS3BlockPublicAccess,
  awsS3KmsEncryption,
  awsS3RequireTls,
  awsS3Versioning,
];
