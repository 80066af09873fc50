// Core types shared by every part of the engine. Positions are LSP-shaped (0-based line, UTF-16 character)
// but owned by us: the engine never imports editor packages.

/** 0-based line and UTF-16 code-unit column. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A stretch of one file, as UTF-16 code-unit offsets into the file's text (JavaScript string indices).
 * Parsers produce spans; ranges are computed from them through the file's LineIndex only when needed.
 */
export interface Span {
  file: string;
  start: number;
  end: number;
}

/** Rule severity. `info` is used for findings that the account posture or policy downgraded. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Numeric order: higher is more severe. */
export function severityRank(s: Severity): number {
  return { info: 0, low: 1, medium: 2, high: 3, critical: 4 }[s];
}

/** SARIF `security-severity` numbers (GitHub code scanning buckets: ≥9 critical, ≥7 high, ≥4 medium, >0 low). */
export function securitySeverity(s: Severity): string {
  return { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' }[s];
}

/** Something wrong with the input itself (syntax error, unreadable file, bad project file…), not a security finding. */
export interface Problem {
  file: string;
  span?: Span;
  range?: Range;
  severity: 'error' | 'warning' | 'info';
  /** Stable short code, e.g. `hcl-syntax`, `yaml-alias-limit`, `file-too-large`. */
  code: string;
  message: string;
}

export interface RelatedInfo {
  file: string;
  range: Range;
  span: Span;
  message: string;
}

/** A text edit on one file: replace [start, end) of the original text with `newText`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** A fix, as computed text edits. `snippet` marks newText that contains `${1:placeholder}` tab stops. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  snippet?: boolean;
  /** True when the fix inserts a placeholder the user must fill in (a KMS key ARN, a log bucket…). */
  needsInput?: boolean;
}

export interface Suppression {
  /** `demarc`, `checkov`, `tfsec`, `trivy`, `kics`, `cfn_nag`, `cfn-lint`. */
  tool: string;
  id: string;
  reason?: string;
  until?: string;
  span: Span;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The rule's own severity before policy/account adjustments. */
  ruleSeverity: Severity;
  message: string;
  file: string;
  span: Span;
  range: Range;
  /** Resource address: `aws_s3_bucket.logs`, `module.net.aws_security_group.web`, or a CloudFormation logical id. */
  resource?: string;
  resourceType?: string;
  related: RelatedInfo[];
  fix?: Fix;
  /** The rule offers a fix here that was not rendered (AnalyzeOptions.fixes false); asking again with fixes gives it. */
  fixOmitted?: true;
  /** Model kind of the resource (`aws.s3.bucket`). */
  resourceKind?: string;
  /** Origin of the value that triggered the finding: written, derived from variables/parameters, or absent (default). */
  valueOrigin?: 'explicit' | 'derived' | 'default';
  /** Why the severity changed (account posture, policy). */
  notes?: string[];
  suppressedBy?: Suppression;
}
