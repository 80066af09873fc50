import { ruleTester } from '../../../../helpers/rule-tester';

const att = (type: string, who: string, arn: string) => `resource "${type}" "a" {\n  ${who}\n  policy_arn = ${arn}\n}\n`;

ruleTester('aws-iam-admin-policy-attached', {
  valid: [
    { format: 'terraform', code: att('aws_iam_role_policy_attachment', 'role       = "ci"', '"arn:aws:iam::aws:policy/ReadOnlyAccess"') },
    { name: 'a customer policy with the same name', format: 'terraform', code: att('aws_iam_role_policy_attachment', 'role       = "ci"', '"arn:aws:iam::111122223333:policy/AdministratorAccess"') },
    { name: 'unknown', format: 'terraform', code: att('aws_iam_role_policy_attachment', 'role       = "ci"', 'var.arn'), files: { 'v.tf': 'variable "arn" {}\n' } },
    { format: 'cloudformation', code: 'Resources:\n  G:\n    Type: AWS::IAM::Group\n    Properties:\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n' },
  ],
  invalid: [
    { name: 'role', format: 'terraform', code: att('aws_iam_role_policy_attachment', 'role       = "ci"', '"arn:aws:iam::aws:policy/AdministratorAccess"'), errors: [{ line: 3, column: 16, message: /to a role/ }], output: null },
    { name: 'GovCloud group', format: 'terraform', code: att('aws_iam_group_policy_attachment', 'group      = "ops"', '"arn:aws-us-gov:iam::aws:policy/AdministratorAccess"'), errors: [{ line: 3, message: /to a group/ }] },
    { name: 'from a variable default', format: 'terraform', code: 'variable "arn" {\n  default = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n\n' + att('aws_iam_user_policy_attachment', 'user       = "alice"', 'var.arn'), errors: [{ line: 7, relatedLines: [2] }] },
    { name: 'role managed_policy_arns', format: 'terraform', code: 'resource "aws_iam_role" "r" {\n  name                = "r"\n  assume_role_policy  = "{}"\n  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]\n}\n', errors: [{ line: 4, column: 26 }] },
    { format: 'cloudformation', code: 'Resources:\n  U:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AdministratorAccess\n', errors: [{ line: 6, column: 11, message: /this user/ }] },
  ],
});
