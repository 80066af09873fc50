// What the evaluators hand to the adapters: resources as written, with evaluated bodies and spans.
import type { LineIndex } from './text';
import type { Problem, Span } from './types';
import type { ObjectVal } from './evaluate/value';

export type FileKind =
  | 'terraform' // .tf
  | 'terraform-json' // .tf.json
  | 'tfvars' // .tfvars, .auto.tfvars
  | 'tfvars-json' // .tfvars.json
  | 'cloudformation-yaml'
  | 'cloudformation-json';

export type SourceFormat = 'terraform' | 'cloudformation';

export interface SourceFile {
  /** Absolute path with forward slashes (the engine's file identity). */
  path: string;
  text: string;
  kind: FileKind;
  lines: LineIndex;
}

/** A comment in a source file, for suppressions and hovers. `text` excludes the comment markers. */
export interface Comment {
  span: Span;
  text: string;
}

/**
 * Read access to the workspace. The CLI implements it over the file system; the language server over
 * open documents first, then the file system. Paths are absolute with forward slashes.
 */
export interface Host {
  readFile(path: string): string | undefined;
  /** Names (not paths) of entries in a folder, or undefined when it is not a readable folder. */
  readDir(path: string): { name: string; isDirectory: boolean }[] | undefined;
  /** Size in bytes, when cheap to know, so huge files are skipped before they are read. */
  fileSize?(path: string): number | undefined;
  /** Real path (symlinks resolved), so walks do not loop. */
  realPath?(path: string): string | undefined;
}

export interface SourceResource {
  format: SourceFormat;
  /** `resource` / `data` in Terraform; always `resource` in CloudFormation. */
  mode: 'resource' | 'data';
  file: string;
  /** `aws_s3_bucket` or `AWS::S3::Bucket`. */
  type: string;
  /** Terraform name label or CloudFormation logical id. */
  name: string;
  /**
   * Unique address: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.p`, `module.net.aws_vpc.main`,
   * `aws_instance.web[0]`, `aws_instance.web["a"]`; CloudFormation: the logical id.
   */
  address: string;
  /** The whole block / resource entry. */
  span: Span;
  /** `resource "aws_s3_bucket" "logs"` (the labels), or the logical id key. Findings on absent attributes land here. */
  headerSpan: Span;
  /** Evaluated attributes and blocks (Terraform) or `Properties` (CloudFormation). Absent ⇒ not in the map. */
  body: ObjectVal;
  /** Span of the `{` … `}` body (Terraform) or of the `Properties` mapping (CloudFormation), for inserting text. */
  bodySpan?: Span;
  /** Module call chain for resources inside local modules, outermost first (`["net"]`). */
  modulePath?: string[];
  /** For resources in a module: the span of the `module` block in the root, where findings may also be shown. */
  moduleCallSpan?: Span;
  /** CloudFormation: the Condition name, if the resource is conditional; `count`/`for_each` key in Terraform. */
  condition?: string;
  instanceKey?: string | number;
  /** CloudFormation: resource-level Metadata (for Metadata-based suppressions). */
  metadata?: ObjectVal;
  /**
   * Terraform: the `provider` meta-argument as written, `aws` or `aws.west` (`?` when it is not a plain reference);
   * absent when the resource uses its module's default configuration.
   */
  provider?: string;
  /** Terraform `tags` / CloudFormation `Tags`, normalized later by the model; kept here for the tag policy. */
}

export interface EvaluationResult {
  resources: SourceResource[];
  problems: Problem[];
  /** Files that were read (the module's .tf files, tfvars, local modules): for dependency tracking. */
  files: SourceFile[];
  comments: Map<string, Comment[]>;
}
