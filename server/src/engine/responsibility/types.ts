// The vocabulary of the shared responsibility model, shared by the knowledge base, rules, hovers and reports.

/** How AWS describes a service's model (AWS Security Best Practices whitepaper). */
export type ServiceModel = 'infrastructure' | 'container' | 'abstracted';

export type Owner = 'aws' | 'customer' | 'shared';

/** The layers of duty a resource's security is split into, bottom (AWS's) to top (the customer's). */
export const LAYERS = [
  'facilities-hardware',
  'virtualization',
  'network-infrastructure',
  'host-os',
  'guest-os',
  'runtime-platform',
  'application-code',
  'network-configuration',
  'identity-access',
  'encryption-at-rest',
  'encryption-in-transit',
  'logging-monitoring',
  'backup-resilience',
  'data-classification',
] as const;

export type Layer = (typeof LAYERS)[number];

export const LAYER_TITLES: Record<Layer, string> = {
  'facilities-hardware': 'Facilities and hardware',
  virtualization: 'Virtualization',
  'network-infrastructure': 'Network infrastructure',
  'host-os': 'Host OS',
  'guest-os': 'Guest OS and patching',
  'runtime-platform': 'Runtime and platform',
  'application-code': 'Application code',
  'network-configuration': 'Network configuration',
  'identity-access': 'Identity and access',
  'encryption-at-rest': 'Encryption at rest',
  'encryption-in-transit': 'Encryption in transit',
  'logging-monitoring': 'Logging and monitoring',
  'backup-resilience': 'Backup and resilience',
  'data-classification': 'Data classification',
};

// ---- Knowledge base shapes (added by the responsibility knowledge base) ----

/** Where a customer lever lives, in one tool's naming. Paths use `.`; `*` stands for "every item of a list". */
export interface LeverSite {
  /** Terraform resource type or CloudFormation type the attribute/property belongs to. */
  type: string;
  /** `metadata_options.http_tokens`, `MetadataOptions.HttpTokens`, `BlockDeviceMappings.*.Ebs.Encrypted`. */
  path: string;
}

/** An attribute/property that carries part of the customer's duty, with what happens when it is left out. */
export interface AttributeFact {
  /** Stable key: `<terraform type or cfn type>:<path>` of the first site given. */
  id: string;
  terraform?: LeverSite;
  cloudformation?: LeverSite;
  layer: Layer;
  /** Whose decision the value is (almost always the customer's; `shared` when AWS sets a safe default). */
  owner: Owner;
  /** What it controls, one sentence. */
  controls: string;
  /** What AWS does when the attribute is omitted. */
  whenOmitted: string;
  /** A dated change of the AWS default, when there was one. */
  defaultChanged?: { date: string; change: string };
  /** The value that meets the customer's part. */
  secureValue?: string;
  /** Demarc rule ids that check it (`aws-<service>-<short-code>`), known ones and planned ones. */
  ruleIds: string[];
  /** Security Hub control ids (`S3.8`). */
  controlIds: string[];
  /** docs.aws.amazon.com / aws.amazon.com links. */
  sources: string[];
}

export interface Lever {
  terraform?: LeverSite;
  cloudformation?: LeverSite;
  ruleIds: string[];
  /** Id of the AttributeFact behind it. */
  factId: string;
}

export interface LayerDuty {
  owner: Owner;
  /** One plain sentence: why the layer sits with this owner for this resource. */
  why: string;
  /** False when the layer has no meaning for this resource (an IAM policy has no guest OS). */
  applies: boolean;
  /** Attributes/properties that carry the customer's part of this layer. */
  levers: Lever[];
}

/**
 * How a Terraform type relates to its CloudFormation twin:
 * - `same`: the same resource (`aws_s3_bucket` / `AWS::S3::Bucket`);
 * - `parent`: a Terraform companion whose settings live inside the parent's CloudFormation type
 *   (`aws_s3_bucket_versioning` → `AWS::S3::Bucket` `VersioningConfiguration`);
 * - `none`: CloudFormation has no resource type for it.
 */
export type CloudFormationRelation = 'same' | 'parent' | 'none';

export interface ResourceResponsibility {
  terraform: string;
  /** Null when CloudFormation has no twin. */
  cloudformation: string | null;
  cloudformationRelation: CloudFormationRelation;
  /** Further CloudFormation types that mean the same thing (`AWS::IAM::Policy` for inline policies). */
  alsoCloudFormation?: string[];
  /** Companions: the Terraform type they attach to. */
  parent?: string;
  /** For companions and types without a twin: a sentence saying how the two tools differ. */
  note?: string;
  /** Short service key (`s3`, `ec2`, `rds`…). */
  service: string;
  /** Human service name (`Amazon S3`). */
  serviceName: string;
  serviceModel: ServiceModel;
  summary: { aws: string; customer: string };
  layers: Record<Layer, LayerDuty>;
  /** Attribute facts for this type (either tool's naming). */
  attributes: AttributeFact[];
  sources: string[];
}

export const OWNER_TITLES: Record<Owner, string> = { aws: 'AWS', customer: 'You', shared: 'Shared' };

export const SERVICE_MODEL_TITLES: Record<ServiceModel, string> = {
  infrastructure: 'Infrastructure service',
  container: 'Container (managed platform) service',
  abstracted: 'Abstracted service',
};
