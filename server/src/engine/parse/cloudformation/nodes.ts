// The syntax tree shared by CloudFormation YAML and JSON templates.
//
// Both formats are parsed into the same small tree so the evaluator, the adapters and the fix writers handle
// one shape. Offsets are UTF-16 code-unit indices into the file text (the BOM, if any, counts as one unit),
// `start` inclusive and `end` exclusive, and never include trailing whitespace, newlines or comments.
//
// What a fix writer can rely on:
// - MappingNode: `start`/`end` cover the whole mapping (for flow/JSON style, from `{` to `}` inclusive;
//   `open`/`close` are the offsets of the braces). For block style `keyColumn` is the 0-based column
//   (UTF-16) of its keys, which is where a new key must be inserted to join this mapping.
// - PairNode: `start`/`end` cover `key: value` (key start to value end; JSON: `"key": value`), `key` holds
//   the key's own span, `value` the value's span, `colon` the offset of the `:`, `comma` (flow/JSON only)
//   the offset of the separating comma after the member when there is one.
// - SequenceNode: same as mapping, with `items`.
// - ScalarNode: `start`/`end` cover the scalar as written (quotes included, `|`/`>` header included for
//   block scalars). `value` is the resolved value (YAML core schema: plain `true`, `12`, `null`, `~`
//   resolve; quoted text stays a string). `contentStart`/`contentEnd` cover the characters of the value
//   itself (inside the quotes) where that is a contiguous stretch of the text.
// - A tagged node (`!Ref X`, `!Sub [...]`) records `tag` (`!Ref`) and `tagStart`; its `start` is the tag's
//   offset, so the node's span is `!Ref X` as a whole. `valueStart` is where the untagged value begins.
//   An anchor (`&name`) is not part of the span: an anchored block mapping starts at its first key.
// - AliasNode (`*name`, YAML only) points at the anchored node it repeats. `limited` is set when the alias
//   was not expanded because the document's alias-expansion budget was exhausted ("billion laughs").

/** Collections nested deeper are not read (reported as `nesting-too-deep`). Real templates rarely exceed 15. */
export const MAX_DEPTH = 200;

export type CfnNode = MappingNode | SequenceNode | ScalarNode | AliasNode;

export type CollectionStyle = 'block' | 'flow' | 'json';

interface NodeBase {
  start: number;
  end: number;
  /** Local tag as written, e.g. `!Ref`, `!GetAtt`. Absent when untagged (standard `!!` tags are not kept). */
  tag?: string;
  tagStart?: number;
  /** Where the value begins after the tag (and anchor); equals `start` for untagged nodes. */
  valueStart: number;
  anchor?: string;
  /** Number of nodes this node stands for once aliases are expanded (used to bound alias bombs). */
  size: number;
}

export interface MappingNode extends NodeBase {
  kind: 'mapping';
  style: CollectionStyle;
  pairs: PairNode[];
  /** Offsets of `{` and `}` for flow/JSON mappings (`close` absent when the brace is missing). */
  open?: number;
  close?: number;
  /** Column of the keys for block mappings (0-based, UTF-16); -1 for flow/JSON or empty mappings. */
  keyColumn: number;
}

export interface PairNode {
  start: number;
  end: number;
  key: ScalarNode;
  /** The key as a string (non-scalar YAML keys are rendered as their source text). */
  keyText: string;
  /** Absent for `key:` with nothing after it (YAML null) or a missing JSON value. */
  value?: CfnNode;
  colon?: number;
  comma?: number;
}

export interface SequenceNode extends NodeBase {
  kind: 'sequence';
  style: CollectionStyle;
  items: CfnNode[];
  open?: number;
  close?: number;
  /** Column of the `-` indicators for block sequences; -1 otherwise. */
  itemColumn: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'json';

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  style: ScalarStyle;
  value: string | number | boolean | null;
  contentStart: number;
  contentEnd: number;
}

export interface AliasNode extends NodeBase {
  kind: 'alias';
  name: string;
  target?: CfnNode;
  limited?: boolean;
}

/** A syntax problem found while parsing; offsets as above. */
export interface ParseDiagnostic {
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** `yaml-syntax`, `json-syntax`, `yaml-alias-limit`, `nesting-too-deep`, `yaml-duplicate-key`, `yaml-unknown-tag`… */
  code: string;
  message: string;
}

/** A YAML comment: `text` without the `#`, span including it. */
export interface RawComment {
  start: number;
  end: number;
  text: string;
}

export interface TemplateParse {
  root?: CfnNode;
  diagnostics: ParseDiagnostic[];
  comments: RawComment[];
}

/** `[a: 1]`: YAML reads a pair inside a flow sequence as a mapping of that one pair, spanning the pair. */
export function singlePairMapping(pair: PairNode): MappingNode {
  return { kind: 'mapping', style: 'flow', pairs: [pair], start: pair.start, end: pair.end, valueStart: pair.start, size: 1 + pair.key.size + (pair.value?.size ?? 0), keyColumn: -1 };
}

/** Value of `key` in a mapping (last one wins, as in CloudFormation's own parser). */
export function getPair(map: MappingNode, key: string): PairNode | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) if (map.pairs[i]!.keyText === key) return map.pairs[i];
  return undefined;
}

/** Follows aliases to the node they repeat. */
export function deref(node: CfnNode | undefined): Exclude<CfnNode, AliasNode> | undefined {
  let n = node;
  for (let i = 0; n && n.kind === 'alias' && i < 1000; i++) n = n.limited ? undefined : n.target;
  return n && n.kind !== 'alias' ? n : undefined;
}
