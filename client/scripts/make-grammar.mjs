// Writes syntaxes/terraform.tmLanguage.json. The grammar is kept as a script because TextMate regexes are far
// easier to read and review as JavaScript string literals with String.raw than as double-escaped JSON.
// Usage: node client/scripts/make-grammar.mjs
import { writeFileSync } from 'node:fs';

const r = String.raw;
const ident = r`[A-Za-z_][A-Za-z0-9_-]*`;
const blockKeywords = 'resource|data|ephemeral|variable|output|locals|module|provider|terraform|dynamic|moved|import|removed|check|backend|required_providers|lifecycle|provisioner|connection|content|precondition|postcondition|validation|cloud';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Terraform (Demarc)',
  scopeName: 'source.hcl.terraform',
  fileTypes: ['tf', 'tfvars'],
  patterns: [{ include: '#comments' }, { include: '#block' }, { include: '#attribute' }, { include: '#expressions' }],
  repository: {
    comments: {
      patterns: [
        {
          name: 'comment.line.number-sign.hcl',
          begin: '#',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.hcl' } },
          end: '$\\n?',
        },
        {
          name: 'comment.line.double-slash.hcl',
          begin: '//',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.hcl' } },
          end: '$\\n?',
        },
        {
          name: 'comment.block.hcl',
          begin: r`/\*`,
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.hcl' } },
          end: r`\*/`,
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.hcl' } },
        },
      ],
    },
    // `resource "aws_s3_bucket" "logs" {`: the type label and the name label get distinct scopes so themes can
    // tell them apart; other blocks (`ingress {`, `dynamic "tag" {`) fall through to the generic rule.
    block: {
      patterns: [
        {
          name: 'meta.block.resource.terraform',
          match: r`^\s*(resource|data|ephemeral)\s+("?)(${ident})("?)\s+("?)(${ident})("?)\s*(\{)`,
          captures: {
            1: { name: 'storage.type.block.terraform' },
            2: { name: 'punctuation.definition.string.begin.hcl' },
            3: { name: 'entity.name.type.terraform' },
            4: { name: 'punctuation.definition.string.end.hcl' },
            5: { name: 'punctuation.definition.string.begin.hcl' },
            6: { name: 'entity.name.label.terraform' },
            7: { name: 'punctuation.definition.string.end.hcl' },
            8: { name: 'punctuation.section.block.begin.hcl' },
          },
        },
        {
          name: 'meta.block.terraform',
          match: r`^\s*(${blockKeywords})((?:\s+(?:"[^"\n]*"|${ident}))*)\s*(\{)`,
          captures: {
            1: { name: 'storage.type.block.terraform' },
            2: { patterns: [{ include: '#block_label' }] },
            3: { name: 'punctuation.section.block.begin.hcl' },
          },
        },
        {
          name: 'meta.block.hcl',
          match: r`^\s*(${ident})((?:\s+(?:"[^"\n]*"|${ident}))*)\s*(\{)`,
          captures: {
            1: { name: 'entity.name.type.block.hcl' },
            2: { patterns: [{ include: '#block_label' }] },
            3: { name: 'punctuation.section.block.begin.hcl' },
          },
        },
      ],
    },
    block_label: {
      patterns: [
        {
          match: r`(")([^"\n]*)(")`,
          captures: {
            1: { name: 'punctuation.definition.string.begin.hcl' },
            2: { name: 'entity.name.label.hcl' },
            3: { name: 'punctuation.definition.string.end.hcl' },
          },
        },
        { match: ident, name: 'entity.name.label.hcl' },
      ],
    },
    attribute: {
      // `name =` but not `name ==` or `name =>`.
      match: r`^\s*(${ident})\s*(=)(?![=>])`,
      captures: {
        1: { name: 'variable.other.property.hcl' },
        2: { name: 'keyword.operator.assignment.hcl' },
      },
    },
    expressions: {
      patterns: [
        { include: '#comments' },
        { include: '#heredoc' },
        { include: '#string' },
        { include: '#numbers' },
        { include: '#constants' },
        { include: '#for_expression' },
        { include: '#function_call' },
        { include: '#object_key' },
        { include: '#references' },
        { include: '#operators' },
        { include: '#brackets' },
        { include: '#identifiers' },
      ],
    },
    string: {
      name: 'string.quoted.double.hcl',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.hcl' } },
      end: '"',
      endCaptures: { 0: { name: 'punctuation.definition.string.end.hcl' } },
      patterns: [{ include: '#string_escape' }, { include: '#template' }],
    },
    string_escape: {
      patterns: [
        { name: 'constant.character.escape.hcl', match: r`\\(?:[nrt"\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})` },
        // `$${` and `%%{` are literal `${` and `%{` in HCL templates.
        { name: 'constant.character.escape.template.hcl', match: r`\$\$\{|%%\{` },
      ],
    },
    template: {
      patterns: [
        {
          name: 'meta.interpolation.hcl',
          begin: r`(\$\{)(~?)`,
          beginCaptures: {
            1: { name: 'punctuation.section.interpolation.begin.hcl' },
            2: { name: 'keyword.operator.template.strip.hcl' },
          },
          end: r`(~?)(\})`,
          endCaptures: {
            1: { name: 'keyword.operator.template.strip.hcl' },
            2: { name: 'punctuation.section.interpolation.end.hcl' },
          },
          contentName: 'source.hcl.embedded',
          patterns: [{ include: '#nested_braces' }, { include: '#expressions' }],
        },
        {
          name: 'meta.directive.hcl',
          begin: r`(%\{)(~?)\s*(if|else|endif|for|endfor)?\b`,
          beginCaptures: {
            1: { name: 'punctuation.section.directive.begin.hcl' },
            2: { name: 'keyword.operator.template.strip.hcl' },
            3: { name: 'keyword.control.directive.hcl' },
          },
          end: r`(~?)(\})`,
          endCaptures: {
            1: { name: 'keyword.operator.template.strip.hcl' },
            2: { name: 'punctuation.section.directive.end.hcl' },
          },
          patterns: [{ match: r`\bin\b`, name: 'keyword.control.directive.hcl' }, { include: '#expressions' }],
        },
      ],
    },
    // An object literal inside an interpolation must not end the interpolation at its own closing brace.
    nested_braces: {
      begin: r`\{`,
      beginCaptures: { 0: { name: 'punctuation.section.braces.begin.hcl' } },
      end: r`\}`,
      endCaptures: { 0: { name: 'punctuation.section.braces.end.hcl' } },
      patterns: [{ include: '#attribute' }, { include: '#expressions' }],
    },
    heredoc: {
      name: 'string.unquoted.heredoc.hcl',
      begin: r`(<<-?)\s*(${ident})\s*$`,
      beginCaptures: {
        1: { name: 'keyword.operator.heredoc.hcl' },
        2: { name: 'keyword.control.heredoc-token.hcl' },
      },
      end: r`^\s*(\2)\s*$`,
      endCaptures: { 1: { name: 'keyword.control.heredoc-token.hcl' } },
      patterns: [{ include: '#string_escape' }, { include: '#template' }],
    },
    numbers: {
      name: 'constant.numeric.hcl',
      match: r`\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b`,
    },
    constants: {
      name: 'constant.language.hcl',
      match: r`\b(?:true|false|null)\b`,
    },
    for_expression: {
      match: r`(?<=[\[{])\s*(for)\b|\b(in|if)\b(?=\s)`,
      captures: {
        1: { name: 'keyword.control.for.hcl' },
        2: { name: 'keyword.control.for.hcl' },
      },
    },
    function_call: {
      // Built-ins (`jsonencode(`) and provider-defined functions (`provider::aws::arn_parse(`).
      match: r`\b((?:provider::${ident}::)?${ident})\s*(\()`,
      captures: {
        1: { name: 'support.function.hcl' },
        2: { name: 'punctuation.section.parens.begin.hcl' },
      },
    },
    object_key: {
      match: r`(${ident}|"[^"\n]*")\s*(=|:)(?![=>])`,
      captures: {
        1: { name: 'variable.other.property.hcl' },
        2: { name: 'keyword.operator.assignment.hcl' },
      },
    },
    references: {
      match: r`\b(var|local|module|data|each|count|path|self|terraform)\b(?=\.)`,
      name: 'variable.language.terraform',
    },
    operators: {
      patterns: [
        { name: 'keyword.operator.comparison.hcl', match: r`==|!=|<=|>=|<|>` },
        { name: 'keyword.operator.logical.hcl', match: r`&&|\|\||!` },
        { name: 'keyword.operator.arithmetic.hcl', match: r`[-+*/%]` },
        { name: 'keyword.operator.conditional.hcl', match: r`\?|:` },
        { name: 'keyword.operator.lambda.hcl', match: r`=>` },
        { name: 'keyword.operator.ellipsis.hcl', match: r`\.\.\.` },
        { name: 'keyword.operator.splat.hcl', match: r`(?<=\.)\*|(?<=\[)\*(?=\])` },
        { name: 'keyword.operator.assignment.hcl', match: '=' },
        { name: 'punctuation.accessor.hcl', match: r`\.` },
        { name: 'punctuation.separator.hcl', match: ',' },
      ],
    },
    brackets: {
      patterns: [
        { name: 'punctuation.section.braces.hcl', match: r`[{}]` },
        { name: 'punctuation.section.brackets.hcl', match: r`[\[\]]` },
        { name: 'punctuation.section.parens.hcl', match: r`[()]` },
      ],
    },
    identifiers: {
      name: 'variable.other.hcl',
      match: ident,
    },
  },
};

const injection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Demarc suppression comments',
  scopeName: 'demarc.ignore.injection',
  // Injected into any comment of the grammars listed in package.json `injectTo` (Terraform, YAML).
  injectionSelector: 'L:comment',
  patterns: [{ include: '#ignore' }],
  repository: {
    ignore: {
      name: 'meta.suppression.demarc',
      begin: r`\b(demarc):(ignore)\b`,
      beginCaptures: {
        1: { name: 'keyword.other.demarc' },
        2: { name: 'keyword.control.suppression.demarc' },
      },
      // The suppression runs to the end of the comment: end of line, or `*/` for block comments.
      end: r`$|(?=\*/)`,
      patterns: [
        {
          match: r`\b(until)(=)(\d{4}-\d{2}-\d{2})\b`,
          captures: {
            1: { name: 'keyword.other.until.demarc' },
            2: { name: 'keyword.operator.assignment.demarc' },
            3: { name: 'constant.numeric.date.demarc' },
          },
        },
        {
          match: r`(--)\s*((?:(?!\*/).)*)`,
          captures: {
            1: { name: 'punctuation.separator.reason.demarc' },
            2: { name: 'string.unquoted.reason.demarc' },
          },
        },
        { match: r`\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b`, name: 'entity.name.tag.rule-id.demarc' },
        { match: ',', name: 'punctuation.separator.demarc' },
      ],
    },
  },
};

const root = new URL('../../syntaxes/', import.meta.url);
writeFileSync(new URL('terraform.tmLanguage.json', root), JSON.stringify(grammar, null, 2) + '\n');
writeFileSync(new URL('demarc-ignore.injection.json', root), JSON.stringify(injection, null, 2) + '\n');
console.log('wrote syntaxes/terraform.tmLanguage.json and syntaxes/demarc-ignore.injection.json');
