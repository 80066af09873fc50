// Decides whether a file is ours and in which format. Anything else is ignored quietly.
import type { FileKind } from './source';

/** Kind from the name alone, for files that are ours by extension. YAML/JSON need `detectKind` with the text. */
export function kindFromName(path: string): FileKind | 'maybe-cloudformation' | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.tf')) return 'terraform';
  if (name.endsWith('.tf.json')) return 'terraform-json';
  if (name.endsWith('.tfvars')) return 'tfvars';
  if (name.endsWith('.tfvars.json')) return 'tfvars-json';
  if (/\.(ya?ml|json|template|cfn)$/.test(name)) return 'maybe-cloudformation';
  return undefined;
}

/** Looks at the text: a YAML/JSON file is ours only when it is a CloudFormation (or SAM) template. */
export function detectKind(path: string, text: string): FileKind | undefined {
  const byName = kindFromName(path);
  if (byName !== 'maybe-cloudformation') return byName;
  return looksLikeCloudFormation(text);
}

export function looksLikeCloudFormation(text: string): FileKind | undefined {
  // Cheap textual test first, on a prefix large enough for any real template's header and first resources.
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // A YAML template may be written in flow style (`{Resources: …}`): JSON needs quoted keys.
  const isJson = /^\s*(\[|\{\s*("|\}))/.test(head.replace(/^\uFEFF/, ''));
  const hasVersion = /["']?AWSTemplateFormatVersion["']?\s*:/.test(head);
  const hasTransform = /["']?Transform["']?\s*:\s*\[?\s*["']?AWS::Serverless/.test(head);
  const hasAwsType = /["']?Resources["']?\s*:/.test(head) && /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(head);
  if (!hasVersion && !hasTransform && !hasAwsType) return undefined;
  return isJson ? 'cloudformation-json' : 'cloudformation-yaml';
}
