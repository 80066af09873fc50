import { fn } from '../../../model/aws/lambda';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-lambda-xray-tracing',
    provider: 'aws',
    service: 'lambda',
    severity: 'low',
    title: 'Lambda function does not trace invocations with X-Ray',
    explanation:
      'Lambda records every invocation in X-Ray only in Active mode; otherwise a request is traced only when its caller already sampled it, which leaves gaps when following an incident through the services a function calls. Choosing the tracing mode is your configuration.',
    resolution: 'Set tracing_config { mode = "Active" } (CloudFormation: TracingConfig.Mode: Active; SAM: Tracing: Active) and allow xray:PutTraceSegments in the execution role.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function'] },
    controls: [],
    equivalents: { checkov: ['CKV_AWS_50'], trivy: ['AVD-AWS-0066', 'aws-lambda-enable-tracing'], kics: ['8152e0cf-d2f0-47ad-96d5-d003a76eabd1', '9488c451-074e-4cd3-aee3-7db6104f542c'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "api.zip"\n}\n' }],
        good: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "api.zip"\n\n  tracing_config {\n    mode = "Active"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::111122223333:role/api\n      Code:\n        S3Bucket: acme-code\n        S3Key: api.zip\n      TracingConfig:\n        Mode: PassThrough\n' }],
        good: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      Role: arn:aws:iam::111122223333:role/api\n      Code:\n        S3Bucket: acme-code\n        S3Key: api.zip\n      TracingConfig:\n        Mode: Active\n' }],
      },
    },
  },
  kind: fn,
  field: 'tracingMode',
  insecure: (v) => v !== 'Active',
  // SAM functions spell it `Tracing: Active`; writing TracingConfig there would not be accepted.
  fix: (r) => (r.source.type === 'AWS::Serverless::Function' && r.f.tracingMode.origin === 'default' ? undefined : 'Active'),
  consequence: 'invocations are traced only when the caller already sampled the request',
});
