// HCL2 (Terraform native syntax) syntax tree. Every node carries UTF-16 offsets [start, end) into the file text.
// This file is the contract between the parser (parse/hcl) and the Terraform evaluator (evaluate/terraform).
// `.tf.json` files are converted into the same tree (see parse/hcl/json.ts): top-level structure becomes
// blocks, everything inside a resource becomes attributes whose expressions are parsed from JSON values
// (strings are parsed as templates).

export interface Node {
  start: number;
  end: number;
}

export interface Ident extends Node {
  name: string;
}

export interface Body extends Node {
  /** Attributes and blocks in source order. */
  items: (Attribute | Block)[];
}

export interface Attribute extends Node {
  type: 'Attribute';
  name: Ident;
  expr: Expr;
}

export interface BlockLabel extends Node {
  /** Unquoted label value. */
  value: string;
  quoted: boolean;
}

export interface Block extends Node {
  type: 'Block';
  /** `resource`, `variable`, `metadata_options`… */
  blockType: Ident;
  labels: BlockLabel[];
  body: Body;
  /** Offset of `{` and of `}` (end - 1 when the block is complete). `closeBrace` is -1 when missing. */
  openBrace: number;
  closeBrace: number;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | TupleExpr
  | ObjectExpr
  | CallExpr
  | ConditionalExpr
  | UnaryExpr
  | BinaryExpr
  | ForExpr
  | ParensExpr
  | InvalidExpr;

/** Numbers, `true`, `false`, `null`. Strings are always TemplateExpr (a quoted string is a template). */
export interface LiteralExpr extends Node {
  type: 'Literal';
  value: number | boolean | null;
}

export type TemplatePart = TemplateText | TemplateInterp | TemplateIf | TemplateFor;

export interface TemplateText extends Node {
  type: 'Text';
  /** Text with escapes (`\n`, `\"`, `$${`, `%%{`) already decoded; heredoc `<<-` indentation already stripped. */
  value: string;
}
export interface TemplateInterp extends Node {
  type: 'Interp';
  expr: Expr;
  stripLeft: boolean;
  stripRight: boolean;
}
export interface TemplateIf extends Node {
  type: 'If';
  cond: Expr;
  then: TemplatePart[];
  else?: TemplatePart[];
}
export interface TemplateFor extends Node {
  type: 'For';
  keyVar?: Ident;
  valueVar: Ident;
  collection: Expr;
  body: TemplatePart[];
}

export interface TemplateExpr extends Node {
  type: 'Template';
  parts: TemplatePart[];
  /** `"…"` quoted, or a heredoc. */
  heredoc?: { marker: string; indented: boolean };
  /** Offsets of the content (inside the quotes, or the heredoc body lines). */
  contentStart: number;
  contentEnd: number;
}

/** A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, `path`, `module`, `data`, or a for/splat variable. */
export interface VariableExpr extends Node {
  type: 'Variable';
  name: string;
}

export interface GetAttrExpr extends Node {
  type: 'GetAttr';
  object: Expr;
  name: Ident;
}

export interface IndexExpr extends Node {
  type: 'Index';
  object: Expr;
  key: Expr;
  /** `foo.0` legacy index syntax. */
  legacy?: boolean;
}

/**
 * `x[*].a.b` (full splat) or `x.*.a` (attribute-only splat). `each` is the traversal applied to each element,
 * expressed over a VariableExpr named `*` that stands for the element.
 */
export interface SplatExpr extends Node {
  type: 'Splat';
  object: Expr;
  full: boolean;
  each: Expr;
}

export interface TupleExpr extends Node {
  type: 'Tuple';
  items: Expr[];
}

export interface ObjectItem extends Node {
  /** A bare identifier key is a TemplateExpr-free VariableExpr in HCL; we keep it as `Variable` with `bareKey`. */
  key: Expr;
  bareKey?: boolean;
  value: Expr;
}
export interface ObjectExpr extends Node {
  type: 'Object';
  items: ObjectItem[];
}

export interface CallExpr extends Node {
  type: 'Call';
  name: Ident;
  args: Expr[];
  /** `f(list...)` */
  expandFinal: boolean;
}

export interface ConditionalExpr extends Node {
  type: 'Conditional';
  cond: Expr;
  then: Expr;
  else: Expr;
}

export interface UnaryExpr extends Node {
  type: 'Unary';
  op: '!' | '-';
  operand: Expr;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';
export interface BinaryExpr extends Node {
  type: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

/** `[for k, v in coll : expr if cond]` (tuple) or `{for k, v in coll : key => value... if cond}` (object). */
export interface ForExpr extends Node {
  type: 'For';
  object: boolean;
  keyVar?: Ident;
  valueVar: Ident;
  collection: Expr;
  /** Only for object-for. */
  keyExpr?: Expr;
  valueExpr: Expr;
  cond?: Expr;
  grouping: boolean;
}

export interface ParensExpr extends Node {
  type: 'Parens';
  expr: Expr;
}

/** Placeholder where the parser recovered from an error. Evaluates to unknown. */
export interface InvalidExpr extends Node {
  type: 'Invalid';
}

export interface HclComment extends Node {
  /** `#`, `//` or `/*`. */
  style: '#' | '//' | '/*';
  /** Text without the markers. */
  text: string;
}

export interface ParseError extends Node {
  message: string;
}

export interface HclFile {
  body: Body;
  comments: HclComment[];
  errors: ParseError[];
}
