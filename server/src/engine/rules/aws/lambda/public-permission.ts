import type { permission } from '../../../model/aws/lambda';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Permission = KindResource<typeof permission.fields>;

export default defineRule({
  meta: {
    id: 'aws-lambda-public-permission',
    provider: 'aws',
    service: 'lambda',
    severity: 'critical',
    title: 'Lambda permission lets anyone invoke the function',
    explanation:
      'A resource-based permission for principal "*" without a source ARN, source account or organization lets every AWS account invoke the function, and a service principal without a source lets any customer\'s resource of that service invoke it (the confused deputy problem). Lambda enforces the function policy you write; scoping it is your duty.',
    resolution: 'Grant the specific account or service principal, and for service principals set source_arn (CloudFormation: SourceArn) and, for S3, source_account; use principal_org_id to allow an organization.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_lambda_permission', 'AWS::Lambda::Permission'] },
    controls: ['aws-fsbp:Lambda.1'],
    equivalents: { trivy: ['AVD-AWS-0067', 'aws-lambda-restrict-source-arn'], kics: ['e08ed7eb-f3ef-494d-9d22-2e3db756a347', '1d6e16f1-5d8a-4379-bfb3-2dadd38ed5a7'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lambda_permission" "any" {\n  statement_id  = "AllowAnyone"\n  action        = "lambda:InvokeFunction"\n  function_name = "api"\n  principal     = "*"\n}\n' }],
        good: [{ code: 'resource "aws_lambda_permission" "sns" {\n  statement_id  = "AllowSns"\n  action        = "lambda:InvokeFunction"\n  function_name = "api"\n  principal     = "sns.amazonaws.com"\n  source_arn    = "arn:aws:sns:eu-west-1:111122223333:orders"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: api\n      Principal: s3.amazonaws.com\n', note: 'any bucket, in any account, can trigger the function' }],
        good: [{ code: 'Resources:\n  Invoke:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: api\n      Principal: s3.amazonaws.com\n      SourceArn: arn:aws:s3:::acme-uploads\n      SourceAccount: "111122223333"\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of ctx.resources<Permission>('aws.lambda.permission')) {
      const principal = p.f.principal;
      if (principal.origin === 'unknown' || principal.value === undefined) continue;
      // Any scoping element, even one not statically known, narrows who can invoke.
      if ([p.f.sourceArn, p.f.sourceAccount, p.f.principalOrgId].some((v) => v.origin !== 'default')) continue;
      const tf = p.source.format === 'terraform';
      if (principal.value === '*') {
        // A public function URL needs this permission; aws-lambda-function-url-auth reports the URL itself.
        if (p.f.functionUrlAuthType.value === 'NONE') continue;
        ctx.report({ resource: p, value: principal, message: `${tf ? 'principal' : 'Principal'} is "*" without a source or organization: every AWS account can invoke the function` });
      } else if (/\.amazonaws\.com$/.test(principal.value)) {
        ctx.report({
          resource: p,
          value: principal,
          severity: 'medium',
          message: `${principal.value} may invoke without ${tf ? 'source_arn or source_account' : 'SourceArn or SourceAccount'}: resources of that service in any account can trigger the function`,
        });
      }
    }
  },
});
