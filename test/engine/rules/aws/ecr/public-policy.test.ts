import { ruleTester } from '../../../../helpers/rule-tester';

const pol = (statement: string) => `resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n\nresource "aws_ecr_repository_policy" "app" {\n  repository = aws_ecr_repository.app.name\n  policy = jsonencode({\n    Statement = [${statement}]\n  })\n}\n`;

ruleTester('aws-ecr-public-policy', {
  valid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "ecr:BatchGetImage" }') },
    { name: 'organization condition', format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } }') },
  ],
  invalid: [
    { format: 'terraform', code: pol('{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage" }'), errors: [{ line: 8, column: 50, message: /ecr:BatchGetImage on this repository/ }] },
    {
      format: 'cloudformation',
      code: 'Resources:\n  App:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: ecr:*\n',
      errors: [{ line: 8, column: 24, message: /ecr:\*/ }],
    },
  ],
});
