// The CloudFormation intrinsic functions, keyed by their short-form YAML tag, and their long (JSON) names.

export const TAG_TO_FUNCTION: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Condition': 'Condition',
  '!Transform': 'Fn::Transform',
  // Less common, accepted by CloudFormation (language extensions and Rules).
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach',
  '!Contains': 'Fn::Contains',
  '!EachMemberEquals': 'Fn::EachMemberEquals',
  '!EachMemberIn': 'Fn::EachMemberIn',
  '!ValueOf': 'Fn::ValueOf',
  '!ValueOfAll': 'Fn::ValueOfAll',
  '!RefAll': 'Fn::RefAll',
};

export const LONG_FUNCTIONS: ReadonlySet<string> = new Set(Object.values(TAG_TO_FUNCTION));

export function isIntrinsicTag(tag: string): boolean {
  return Object.prototype.hasOwnProperty.call(TAG_TO_FUNCTION, tag);
}
