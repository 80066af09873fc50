import { functionUrl } from '../../../model/aws/lambda';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-lambda-function-url-auth',
    provider: 'aws',
    service: 'lambda',
    severity: 'high',
    title: 'Lambda function URL accepts unauthenticated requests',
    explanation:
      'A function URL with auth type NONE is a public HTTPS endpoint: anyone on the internet can invoke the function, run up its cost and reach whatever the execution role can. Lambda only checks what you configure; authenticating callers is then entirely up to your code.',
    resolution: 'Use authorization_type = "AWS_IAM" (CloudFormation: AuthType: AWS_IAM) and sign requests, or put CloudFront with origin access control in front; if the URL must be public (webhooks), verify requests in code.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
    responsibility: { layer: 'identity-access', resourceTypes: ['aws_lambda_function_url', 'AWS::Lambda::Url'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_258'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lambda_function_url" "api" {\n  function_name      = "api"\n  authorization_type = "NONE"\n}\n' }],
        good: [{ code: 'resource "aws_lambda_function_url" "api" {\n  function_name      = "api"\n  authorization_type = "AWS_IAM"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:api\n      AuthType: NONE\n' }],
        good: [{ code: 'Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:api\n      AuthType: AWS_IAM\n' }],
      },
    },
  },
  kind: functionUrl,
  field: 'authType',
  insecure: (v) => v === 'NONE',
  consequence: 'anyone on the internet can invoke the function',
});
