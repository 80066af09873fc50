// The Terraform grammar and the suppression-comment injection, run through a small TextMate tokenizer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Tokenizer, type Grammar, type Rule } from './textmate';

const root = new URL('../../', import.meta.url);
const terraform = JSON.parse(readFileSync(new URL('syntaxes/terraform.tmLanguage.json', root), 'utf8')) as Grammar;
const injection = JSON.parse(readFileSync(new URL('syntaxes/demarc-ignore.injection.json', root), 'utf8')) as Grammar;
const tk = new Tokenizer(terraform, [injection]);

/** Scopes of the first occurrence of `needle` (optionally the nth) in `source`. */
function scopesOf(source: string, needle: string, nth = 0): string[] {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = source.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" not in source`);
  }
  const before = source.slice(0, index);
  const line = before.split('\n').length - 1;
  const column = index - (before.lastIndexOf('\n') + 1);
  return tk.scopesAt(source, line, column);
}

function has(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

function assertScope(source: string, needle: string, scope: string, nth = 0): void {
  const scopes = scopesOf(source, needle, nth);
  assert.ok(has(scopes, scope), `"${needle}" has scopes [${scopes.join(', ')}], expected ${scope}`);
}

function assertNoScope(source: string, needle: string, scope: string, nth = 0): void {
  const scopes = scopesOf(source, needle, nth);
  assert.ok(!has(scopes, scope), `"${needle}" has scopes [${scopes.join(', ')}], did not expect ${scope}`);
}

test('every regex in both grammars compiles, and every include names a repository entry', () => {
  for (const g of [terraform, injection]) {
    const visit = (rule: Rule, where: string): void => {
      for (const key of ['match', 'begin', 'end'] as const) {
        const src = rule[key];
        if (src !== undefined) assert.doesNotThrow(() => new RegExp(src.replace(/\\\d/g, 'x'), 'd'), `${where}.${key}: ${src}`);
      }
      if (rule.include?.startsWith('#')) assert.ok(g.repository?.[rule.include.slice(1)], `${where}: unknown include ${rule.include}`);
      rule.patterns?.forEach((p, i) => visit(p, `${where}.patterns[${i}]`));
      for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
        for (const [k, c] of Object.entries(caps ?? {})) visit(c, `${where}.captures[${k}]`);
      }
    };
    visit(g, g.scopeName);
    for (const [name, rule] of Object.entries(g.repository ?? {})) visit(rule, `${g.scopeName}#${name}`);
  }
});

test('scope names follow the grammar', () => {
  assert.equal(terraform.scopeName, 'source.hcl.terraform');
  assert.equal(injection.scopeName, 'demarc.ignore.injection');
  assert.equal(injection.injectionSelector, 'L:comment');
});

const tf = `# top comment
// slash comment
/* block
   comment */
resource "aws_s3_bucket" "logs" {
  bucket        = "logs-\${var.env}-\${local.suffix}"
  force_destroy = false
  count         = var.enabled ? 1 : 0
  tags = merge(local.tags, { Name = "logs" })
  policy = <<-EOT
    {"Resource": "\${aws_s3_bucket.logs.arn}/*"}
  EOT
  lifecycle {
    prevent_destroy = true
  }
  dynamic "rule" {
    for_each = [for r in var.rules : r if r.enabled]
  }
}

variable "size" {
  default = 20.5
  nullable = null
}

locals {
  text = "%{ if var.on }yes%{ else }no%{ endif }"
  arn  = provider::aws::arn_parse("x")
  esc  = "a\\"b $\${literal}"
}
`;

test('comments in all three styles', () => {
  assertScope(tf, 'top comment', 'comment.line.number-sign.hcl');
  assertScope(tf, 'slash comment', 'comment.line.double-slash.hcl');
  assertScope(tf, 'block\n', 'comment.block.hcl');
  assertScope(tf, '   comment */', 'comment.block.hcl');
  assertNoScope(tf, 'resource', 'comment');
});

test('block keywords, resource type and name labels', () => {
  assertScope(tf, 'resource', 'storage.type.block.terraform');
  assertScope(tf, 'aws_s3_bucket', 'entity.name.type.terraform');
  assertScope(tf, 'logs" {', 'entity.name.label.terraform');
  assertScope(tf, 'variable', 'storage.type.block.terraform');
  assertScope(tf, 'size', 'entity.name.label.hcl');
  assertScope(tf, 'locals', 'storage.type.block.terraform');
  assertScope(tf, 'lifecycle', 'storage.type.block.terraform');
  assertScope(tf, 'dynamic', 'storage.type.block.terraform');
  assertScope(tf, 'rule" {', 'entity.name.label.hcl');
});

test('attribute names, operators, numbers and constants', () => {
  assertScope(tf, 'bucket ', 'variable.other.property.hcl');
  assertScope(tf, 'force_destroy', 'variable.other.property.hcl');
  assertScope(tf, 'false', 'constant.language.hcl');
  assertScope(tf, 'null\n', 'constant.language.hcl');
  assertScope(tf, '20.5', 'constant.numeric.hcl');
  assertScope(tf, '? 1', 'keyword.operator.conditional.hcl');
  assertScope(tf, '1 : 0', 'constant.numeric.hcl');
  assertScope(tf, 'var.enabled', 'variable.language.terraform');
});

test('strings with interpolation and template directives', () => {
  assertScope(tf, '"logs-', 'string.quoted.double.hcl');
  assertScope(tf, '${var.env}', 'punctuation.section.interpolation.begin.hcl');
  assertScope(tf, 'var.env', 'meta.interpolation.hcl');
  assertScope(tf, 'var.env', 'variable.language.terraform');
  assertScope(tf, '-${local', 'string.quoted.double.hcl');
  assertScope(tf, '%{ if', 'punctuation.section.directive.begin.hcl');
  assertScope(tf, 'if var.on', 'keyword.control.directive.hcl');
  assertScope(tf, 'endif', 'keyword.control.directive.hcl');
  assertScope(tf, 'yes', 'string.quoted.double.hcl');
  assertNoScope(tf, 'yes', 'meta.directive.hcl');
  assertScope(tf, '\\"b', 'constant.character.escape.hcl');
  assertScope(tf, '$${literal', 'constant.character.escape.template.hcl');
  assertNoScope(tf, 'literal}', 'meta.interpolation.hcl');
});

test('heredocs end at their own marker and keep interpolation', () => {
  assertScope(tf, '<<-', 'keyword.operator.heredoc.hcl');
  assertScope(tf, '{"Resource"', 'string.unquoted.heredoc.hcl');
  assertScope(tf, 'aws_s3_bucket.logs.arn', 'meta.interpolation.hcl');
  assertScope(tf, 'EOT\n  lifecycle', 'keyword.control.heredoc-token.hcl');
  assertNoScope(tf, 'lifecycle', 'string');
});

test('function calls, object keys and for expressions', () => {
  assertScope(tf, 'merge', 'support.function.hcl');
  assertScope(tf, 'Name', 'variable.other.property.hcl');
  assertScope(tf, 'provider::aws::arn_parse', 'support.function.hcl');
  assertScope(tf, 'for r', 'keyword.control.for.hcl');
  assertScope(tf, 'in var.rules', 'keyword.control.for.hcl');
  assertScope(tf, 'if r.enabled', 'keyword.control.for.hcl');
  assertNoScope(tf, 'for_each', 'keyword.control');
});

test('demarc:ignore is highlighted inside comments of every style, and only there', () => {
  const src = [
    'resource "aws_s3_bucket" "a" { # demarc:ignore aws-s3-versioning -- write-once logs',
    '  // demarc:ignore aws-s3-encryption-kms until=2026-12-31 -- migrating in Q4',
    '  /* demarc:ignore aws-ec2-imdsv2 -- legacy AMI */ bucket = "x"',
    '  name = "demarc:ignore aws-s3-versioning"',
    '}',
  ].join('\n');
  assertScope(src, 'demarc:ignore', 'keyword.other.demarc');
  assertScope(src, 'ignore aws-s3-versioning', 'keyword.control.suppression.demarc');
  assertScope(src, 'aws-s3-versioning', 'entity.name.tag.rule-id.demarc');
  assertScope(src, 'write-once', 'string.unquoted.reason.demarc');
  assertScope(src, 'write-once', 'comment.line.number-sign.hcl');
  assertScope(src, 'aws-s3-encryption-kms', 'entity.name.tag.rule-id.demarc');
  assertScope(src, 'until=', 'keyword.other.until.demarc');
  assertScope(src, '2026-12-31', 'constant.numeric.date.demarc');
  assertScope(src, 'migrating', 'string.unquoted.reason.demarc');
  assertScope(src, 'aws-ec2-imdsv2', 'entity.name.tag.rule-id.demarc');
  assertScope(src, 'legacy AMI', 'string.unquoted.reason.demarc');
  // The block comment ends where it ends; the suppression does not swallow the code after it.
  assertScope(src, '*/ bucket', 'punctuation.definition.comment.end.hcl');
  assertScope(src, 'bucket = "x"', 'variable.other.property.hcl');
  assertNoScope(src, 'bucket = "x"', 'meta.suppression.demarc');
  // Inside a string it is text, not a suppression.
  assertNoScope(src, 'demarc:ignore', 'keyword.other.demarc', 3);
  assertScope(src, 'demarc:ignore', 'string.quoted.double.hcl', 3);
});
