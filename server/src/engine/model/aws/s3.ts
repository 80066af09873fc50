// S3 general purpose buckets. In Terraform a bucket's settings are split over companion resources
// (aws_s3_bucket_public_access_block, _server_side_encryption_configuration, _versioning, _policy, _logging…);
// the adapters join them into one S3Bucket, so rules read one shape for both formats.
import type { Val } from '../../evaluate/value';
import type { PolicyDocument } from '../../policy/document';
import type { SourceResource } from '../../source';
import { defineKind } from '../kind';
import type { ModelResource, Value } from '../resource';

export const SSE_S3_DEFAULT = { value: 'AES256', reason: 'S3 encrypts every new object with SSE-S3 since 2023-01-05' };
/** Inside an explicit PublicAccessBlockConfiguration, an omitted flag is false. */
const PAB_OMITTED = { value: false, reason: 'omitted flags of a PublicAccessBlockConfiguration are false' };
export const BPA_DEFAULT = { value: true, reason: 'S3 turns Block Public Access on for new buckets since April 2023' };

export interface S3PublicAccessBlock {
  /** The resource holding the settings: the aws_s3_bucket_public_access_block, or the CloudFormation bucket. */
  source: SourceResource;
  blockPublicAcls: Value<boolean>;
  blockPublicPolicy: Value<boolean>;
  ignorePublicAcls: Value<boolean>;
  restrictPublicBuckets: Value<boolean>;
}

export interface S3BucketPolicy {
  source: SourceResource;
  value: Value<Val>;
  document?: PolicyDocument;
}

export interface S3Bucket extends ModelResource {
  kind: 'aws.s3.bucket';
  bucketName: Value<string>;
  /** Undefined when nothing in the code configures bucket-level Block Public Access. */
  publicAccessBlock?: S3PublicAccessBlock;
  encryption: { source?: SourceResource; algorithm: Value<string>; kmsKeyId: Value<string> };
  /** 'Enabled' | 'Suspended' | 'Disabled' (never enabled). */
  versioning: Value<string>;
  policies: S3BucketPolicy[];
  /** Whether server access logging is configured. */
  logging: Value<boolean>;
  acl: Value<string>;
}

/** CloudFormation bucket properties, and the legacy inline blocks of aws_s3_bucket (provider v3 style). */
export const bucketSpec = defineKind({
  kind: 'aws.s3.bucket',
  custom: true,
  terraform: ['aws_s3_bucket'],
  cloudformation: ['AWS::S3::Bucket'],
  fields: {
    bucketName: { type: 'string', terraform: ['bucket'], cloudformation: ['BucketName'] },
    pabConfig: { type: 'raw', cloudformation: ['PublicAccessBlockConfiguration'] },
    blockPublicAcls: { type: 'bool', cloudformation: ['PublicAccessBlockConfiguration', 'BlockPublicAcls'], default: PAB_OMITTED },
    blockPublicPolicy: { type: 'bool', cloudformation: ['PublicAccessBlockConfiguration', 'BlockPublicPolicy'], default: PAB_OMITTED },
    ignorePublicAcls: { type: 'bool', cloudformation: ['PublicAccessBlockConfiguration', 'IgnorePublicAcls'], default: PAB_OMITTED },
    restrictPublicBuckets: { type: 'bool', cloudformation: ['PublicAccessBlockConfiguration', 'RestrictPublicBuckets'], default: PAB_OMITTED },
    sseAlgorithm: {
      type: 'string',
      terraform: ['server_side_encryption_configuration', 0, 'rule', 0, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm'],
      cloudformation: ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'],
      default: SSE_S3_DEFAULT,
    },
    kmsKeyId: {
      type: 'string',
      terraform: ['server_side_encryption_configuration', 0, 'rule', 0, 'apply_server_side_encryption_by_default', 0, 'kms_master_key_id'],
      cloudformation: ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID'],
    },
    versioningEnabled: { type: 'bool', terraform: ['versioning', 0, 'enabled'] },
    versioningStatus: { type: 'string', cloudformation: ['VersioningConfiguration', 'Status'] },
    logging: { type: 'raw', terraform: ['logging'], cloudformation: ['LoggingConfiguration'] },
    acl: { type: 'string', terraform: ['acl'], cloudformation: ['AccessControl'], default: { value: 'private', reason: 'S3 default ACL' } },
    policy: { type: 'policy', terraform: ['policy'] },
  },
});

export const publicAccessBlockSpec = defineKind({
  kind: 'aws.s3.public-access-block',
  custom: true,
  terraform: ['aws_s3_bucket_public_access_block'],
  cloudformation: [],
  fields: {
    bucket: { type: 'raw', terraform: ['bucket'] },
    blockPublicAcls: { type: 'bool', terraform: ['block_public_acls'], default: { value: false, reason: 'Terraform provider default when the attribute is omitted' } },
    blockPublicPolicy: { type: 'bool', terraform: ['block_public_policy'], default: { value: false, reason: 'Terraform provider default when the attribute is omitted' } },
    ignorePublicAcls: { type: 'bool', terraform: ['ignore_public_acls'], default: { value: false, reason: 'Terraform provider default when the attribute is omitted' } },
    restrictPublicBuckets: { type: 'bool', terraform: ['restrict_public_buckets'], default: { value: false, reason: 'Terraform provider default when the attribute is omitted' } },
  },
});

export const encryptionSpec = defineKind({
  kind: 'aws.s3.encryption',
  custom: true,
  terraform: ['aws_s3_bucket_server_side_encryption_configuration'],
  cloudformation: [],
  fields: {
    bucket: { type: 'raw', terraform: ['bucket'] },
    sseAlgorithm: { type: 'string', terraform: ['rule', 0, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm'], default: SSE_S3_DEFAULT },
    kmsKeyId: { type: 'string', terraform: ['rule', 0, 'apply_server_side_encryption_by_default', 0, 'kms_master_key_id'] },
  },
});

export const versioningSpec = defineKind({
  kind: 'aws.s3.versioning',
  custom: true,
  terraform: ['aws_s3_bucket_versioning'],
  cloudformation: [],
  fields: {
    bucket: { type: 'raw', terraform: ['bucket'] },
    status: { type: 'string', terraform: ['versioning_configuration', 0, 'status'] },
  },
});

export const bucketPolicySpec = defineKind({
  kind: 'aws.s3.bucket-policy',
  custom: true,
  terraform: ['aws_s3_bucket_policy'],
  cloudformation: ['AWS::S3::BucketPolicy'],
  fields: {
    bucket: { type: 'raw', terraform: ['bucket'], cloudformation: ['Bucket'] },
    document: { type: 'policy', terraform: ['policy'], cloudformation: ['PolicyDocument'] },
  },
});

export const loggingSpec = defineKind({
  kind: 'aws.s3.logging',
  custom: true,
  terraform: ['aws_s3_bucket_logging'],
  cloudformation: [],
  fields: { bucket: { type: 'raw', terraform: ['bucket'] }, target: { type: 'string', terraform: ['target_bucket'] } },
});

export const aclSpec = defineKind({
  kind: 'aws.s3.acl',
  custom: true,
  terraform: ['aws_s3_bucket_acl'],
  cloudformation: [],
  fields: { bucket: { type: 'raw', terraform: ['bucket'] }, acl: { type: 'string', terraform: ['acl'] } },
});

const AP_BLOCK_DEFAULT = { value: true, reason: 'S3 turns every Block Public Access setting on for a new access point unless it is turned off' };

/** S3 access points: their own Block Public Access, evaluated together with the bucket's and the account's. */
export const accessPointSpec = defineKind({
  kind: 'aws.s3.access-point',
  terraform: ['aws_s3_access_point'],
  cloudformation: ['AWS::S3::AccessPoint'],
  fields: {
    blockPublicAcls: { type: 'bool', terraform: ['public_access_block_configuration', 0, 'block_public_acls'], cloudformation: ['PublicAccessBlockConfiguration', 'BlockPublicAcls'], default: AP_BLOCK_DEFAULT },
    blockPublicPolicy: { type: 'bool', terraform: ['public_access_block_configuration', 0, 'block_public_policy'], cloudformation: ['PublicAccessBlockConfiguration', 'BlockPublicPolicy'], default: AP_BLOCK_DEFAULT },
    ignorePublicAcls: { type: 'bool', terraform: ['public_access_block_configuration', 0, 'ignore_public_acls'], cloudformation: ['PublicAccessBlockConfiguration', 'IgnorePublicAcls'], default: AP_BLOCK_DEFAULT },
    restrictPublicBuckets: { type: 'bool', terraform: ['public_access_block_configuration', 0, 'restrict_public_buckets'], cloudformation: ['PublicAccessBlockConfiguration', 'RestrictPublicBuckets'], default: AP_BLOCK_DEFAULT },
  },
});

const ACCOUNT_PAB_OMITTED = { value: false, reason: 'the Terraform resource leaves an omitted flag off' };

/** Account-wide S3 Block Public Access (Terraform only; CloudFormation has no resource type for it). */
export const accountPublicAccessBlockSpec = defineKind({
  kind: 'aws.s3.account-public-access-block',
  terraform: ['aws_s3_account_public_access_block'],
  cloudformation: [],
  fields: {
    blockPublicAcls: { type: 'bool', terraform: ['block_public_acls'], default: ACCOUNT_PAB_OMITTED },
    blockPublicPolicy: { type: 'bool', terraform: ['block_public_policy'], default: ACCOUNT_PAB_OMITTED },
    ignorePublicAcls: { type: 'bool', terraform: ['ignore_public_acls'], default: ACCOUNT_PAB_OMITTED },
    restrictPublicBuckets: { type: 'bool', terraform: ['restrict_public_buckets'], default: ACCOUNT_PAB_OMITTED },
  },
});

const OWNERSHIP_DEFAULT = { value: 'BucketOwnerEnforced', reason: 'S3 disables ACLs (bucket owner enforced) on new buckets since April 2023' };

/**
 * Object Ownership. Terraform: the aws_s3_bucket_ownership_controls companion, read on its own (no join needed: the
 * finding belongs on the companion). CloudFormation: the bucket's OwnershipControls, read by rules with readField.
 */
export const ownershipControlsSpec = defineKind({
  kind: 'aws.s3.ownership-controls',
  terraform: ['aws_s3_bucket_ownership_controls'],
  cloudformation: [],
  fields: {
    objectOwnership: { type: 'string', terraform: ['rule', 0, 'object_ownership'], default: OWNERSHIP_DEFAULT },
  },
});

export const bucketOwnershipField = {
  type: 'string' as const,
  cloudformation: ['OwnershipControls', 'Rules', 0, 'ObjectOwnership'],
  default: OWNERSHIP_DEFAULT,
};
