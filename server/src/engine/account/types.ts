// Facts read from a connected AWS account, as plain data. Fetching lives in server/src/aws; everything here
// is pure so the CLI, the language server and tests interpret the same facts the same way.

/**
 * One fact about the account. A fact we could not read is `unknown` with a one-line reason
 * ("AccessDenied: needs s3:GetAccountPublicAccessBlock"), never a guess.
 */
export type Fact<T> = { status: 'known'; value: T; checkedAt: string } | { status: 'unknown'; reason: string };

export interface AccountIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** S3 Control GetPublicAccessBlock. `configured: false` when the account has no configuration at all. */
export interface S3AccountPublicAccessBlock {
  configured: boolean;
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface EbsEncryptionByDefault {
  enabled: boolean;
  /** Default KMS key (ARN or alias); undefined when it could not be read (see kmsKeyUnknownReason). */
  kmsKeyId?: string;
  kmsKeyUnknownReason?: string;
}

/** EC2 GetInstanceMetadataDefaults account level; absent fields mean "no preference" (EC2's own defaults apply). */
export interface ImdsDefaults {
  httpTokens?: 'optional' | 'required' | 'no-preference';
  httpPutResponseHopLimit?: number;
  httpEndpoint?: 'enabled' | 'disabled';
  instanceMetadataTags?: 'enabled' | 'disabled';
  /** Set when a declarative policy manages the defaults. */
  managedBy?: string;
}

export interface SnapshotBlockPublicAccess {
  state: 'block-all-sharing' | 'block-new-sharing' | 'unblocked' | string;
}

export interface IamAccountSummary {
  /** Root user has MFA. */
  accountMfaEnabled: boolean;
  /** Root user has access keys. */
  accountAccessKeysPresent: boolean;
}

export type PasswordPolicy =
  | { present: false }
  | {
      present: true;
      minimumPasswordLength?: number;
      requireSymbols?: boolean;
      requireNumbers?: boolean;
      requireUppercaseCharacters?: boolean;
      requireLowercaseCharacters?: boolean;
      allowUsersToChangePassword?: boolean;
      expirePasswords?: boolean;
      maxPasswordAge?: number;
      passwordReusePrevention?: number;
      hardExpiry?: boolean;
    };

export interface Trail {
  name: string;
  arn?: string;
  homeRegion?: string;
  isMultiRegion: boolean;
  isOrganization: boolean;
  /** GetTrailStatus IsLogging; undefined when the status could not be read. */
  logging?: boolean;
  loggingUnknownReason?: string;
}

export interface CloudTrailFact {
  trails: Trail[];
}

export interface GuardDutyFact {
  detectors: { id: string; status?: string }[];
}

export interface ConfigRecorder {
  name: string;
  allSupported?: boolean;
  includeGlobalResourceTypes?: boolean;
  roleArn?: string;
  /** DescribeConfigurationRecorderStatus `recording`; undefined when unknown. */
  recording?: boolean;
  lastStatus?: string;
}

export interface ConfigFact {
  recorders: ConfigRecorder[];
}

export interface SecurityHubFact {
  enabled: boolean;
  hubArn?: string;
  subscribedAt?: string;
  standards: { arn: string; status?: string }[];
}

export interface AccessAnalyzerFact {
  analyzers: { name: string; arn?: string; type?: string; status?: string }[];
}

/** The per-Region settings that can cover code findings, as read in one more Region. */
export interface RegionFacts {
  ebsEncryptionByDefault: Fact<EbsEncryptionByDefault>;
  imdsDefaults: Fact<ImdsDefaults>;
}

export interface AccountPosture {
  identity: AccountIdentity;
  /** When the facts were read (ISO 8601). */
  checkedAt: string;
  /** The Region the per-Region facts were read in. */
  region: string;
  /** The named profile used, when one was. */
  profile?: string;
  s3AccountPublicAccessBlock: Fact<S3AccountPublicAccessBlock>;
  ebsEncryptionByDefault: Fact<EbsEncryptionByDefault>;
  imdsDefaults: Fact<ImdsDefaults>;
  snapshotBlockPublicAccess: Fact<SnapshotBlockPublicAccess>;
  iamAccountSummary: Fact<IamAccountSummary>;
  passwordPolicy: Fact<PasswordPolicy>;
  cloudTrail: Fact<CloudTrailFact>;
  guardDuty: Fact<GuardDutyFact>;
  config: Fact<ConfigFact>;
  securityHub: Fact<SecurityHubFact>;
  accessAnalyzer: Fact<AccessAnalyzerFact>;
  /**
   * Region → its EBS encryption by default and instance metadata defaults, for the other Regions the code's providers
   * name (read when asked, a few at most). Absent Regions were not read.
   */
  otherRegions?: Record<string, RegionFacts>;
}

/** Names of the fact fields, in display order. */
export const FACT_KEYS = [
  's3AccountPublicAccessBlock',
  'ebsEncryptionByDefault',
  'imdsDefaults',
  'snapshotBlockPublicAccess',
  'iamAccountSummary',
  'passwordPolicy',
  'cloudTrail',
  'guardDuty',
  'config',
  'securityHub',
  'accessAnalyzer',
] as const;

export type FactKey = (typeof FACT_KEYS)[number];

export const FACT_TITLES: Record<FactKey, string> = {
  s3AccountPublicAccessBlock: 'S3 account Block Public Access',
  ebsEncryptionByDefault: 'EBS encryption by default',
  imdsDefaults: 'EC2 instance metadata defaults',
  snapshotBlockPublicAccess: 'EBS snapshot block public access',
  iamAccountSummary: 'Root user (IAM account summary)',
  passwordPolicy: 'IAM password policy',
  cloudTrail: 'CloudTrail trails',
  guardDuty: 'GuardDuty',
  config: 'AWS Config recorders',
  securityHub: 'Security Hub',
  accessAnalyzer: 'IAM Access Analyzer',
};

/** A control the account itself fails (not visible in code): root MFA, GuardDuty off, … */
export interface AccountIssue {
  id: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  title: string;
  detail: string;
  /** e.g. `aws-fsbp:IAM.9`. */
  control: string;
}
