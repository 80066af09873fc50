// Rule metadata: data that hovers, docs, SARIF descriptors, the CLI and suppressions all read.
import type { Severity } from '../types';
import type { Layer } from '../responsibility/types';

export type RuleFormat = 'terraform' | 'cloudformation';

export interface RuleExample {
  /** A complete, small file. Terraform examples are .tf text; CloudFormation examples are YAML templates. */
  code: string;
  /** Optional note shown in docs ("attribute omitted: the default applies"). */
  note?: string;
}

export interface RuleMeta {
  /** `aws-<service>-<short-code>`, equal to the rule file path `rules/aws/<service>/<short-code>.ts`. */
  id: string;
  provider: 'aws';
  service: string;
  severity: Severity;
  /** States the problem: "S3 bucket does not block public access". */
  title: string;
  /** Why it matters, two or three sentences. */
  explanation: string;
  /** What to do. */
  resolution: string;
  /** AWS documentation links (first one is the main reference). */
  links: string[];
  /** The customer duty it enforces: a layer of the responsibility model, and the resource types it reads. */
  responsibility: { layer: Layer; resourceTypes: string[] };
  /** Compliance controls: `aws-fsbp:S3.8`, `cis-aws-v5:2.1.4`. */
  controls: string[];
  /** The same control in other scanners (drives honoring their suppressions). */
  equivalents: {
    checkov?: string[];
    /** Trivy/tfsec: both the AVD id (`AVD-AWS-0086`) and the long id (`aws-s3-block-public-acls`). */
    trivy?: string[];
    /** KICS query ids (UUIDs). */
    kics?: string[];
  };
  fixable: boolean;
  formats: RuleFormat[];
  /** Set for rules that stay silent until the project file configures them (examples then live in their tests). */
  requiresConfig?: 'requiredTags';
  examples: Partial<Record<RuleFormat, { bad: RuleExample[]; good: RuleExample[] }>>;
}
