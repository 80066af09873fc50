// The normalized model: one shape per AWS resource kind, whatever the source format.
// Service files in model/aws/<service>.ts extend ModelResource with typed fields whose values are Value<T>.
import type { Origin, ResourceRef, Val } from '../evaluate/value';
import type { SourceResource } from '../source';
import type { Span } from '../types';

/** Where a value lives (or would live) in the source: the resource block and the native attribute path. */
export interface ValueSite {
  resource: SourceResource;
  /** Native path: Terraform (`['metadata_options', 'http_tokens']`) or CloudFormation (`['MetadataOptions', 'HttpTokens']`). */
  path: (string | number)[];
}

export interface Value<T> {
  origin: Origin;
  /** Present unless origin is 'unknown'. */
  value?: T;
  /** Where it is written (explicit/derived: the expression at the use site). Absent for defaults. */
  span?: Span;
  /** Derivation chain (see evaluate/value.ts). */
  via?: Span[];
  /** Where a fix would write it. */
  site?: ValueSite;
  /** The evaluated value behind it (for structured values such as policies). */
  val?: Val;
  /** Unknown: why. Default: what the default is based on ("AWS default since 2023-04"). */
  reason?: string;
  refs?: ResourceRef[];
}

export interface ModelResource {
  /** `aws.s3.bucket`, `aws.ec2.instance`, … */
  kind: string;
  address: string;
  /** The main source resource (aws_s3_bucket / AWS::S3::Bucket). */
  source: SourceResource;
  /** Companion resources joined into this one (aws_s3_bucket_versioning, aws_security_group_rule…). */
  parts: SourceResource[];
  /** Tags (Terraform `tags`, CloudFormation `Tags`), unknown when not statically known. */
  tags: Value<Record<string, string>>;
}
