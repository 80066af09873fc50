import type { fn } from '../../../model/aws/lambda';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Fn = KindResource<typeof fn.fields>;

// Deprecation dates from the "Deprecated runtimes" and "Supported runtimes" tables of
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, as recorded in November 2025.
// DEPRECATED: already past when recorded. PROJECTED: AWS's planned dates then; AWS has moved such dates before,
// so passing one only yields a low-severity finding that asks to check the table.
const DEPRECATED: Record<string, string> = {
  'nodejs18.x': '2025-09-01',
  'nodejs16.x': '2024-06-12',
  'python3.8': '2024-10-14',
  java8: '2024-01-08',
  dotnet7: '2024-05-14',
  dotnet6: '2024-11-12',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  'ruby2.7': '2023-11-27',
  'dotnetcore3.1': '2023-04-03',
  'nodejs12.x': '2023-03-31',
  'python3.6': '2022-07-18',
  'dotnet5.0': '2022-05-10',
  'dotnetcore2.1': '2022-01-05',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'python2.7': '2021-07-15',
  'nodejs8.10': '2020-03-06',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'dotnetcore1.0': '2019-07-27',
  'dotnetcore2.0': '2019-05-30',
  nodejs: '2016-10-31',
};
const PROJECTED: Record<string, string> = {
  'python3.9': '2025-12-15',
  'ruby3.2': '2026-03-31',
  'nodejs20.x': '2026-04-30',
  'python3.10': '2026-06-30',
  'python3.11': '2026-06-30',
  'java8.al2': '2026-06-30',
  java11: '2026-06-30',
  java17: '2026-06-30',
  'provided.al2': '2026-06-30',
  dotnet8: '2026-11-10',
  'ruby3.3': '2027-03-31',
  'nodejs22.x': '2027-04-30',
};

export default defineRule({
  meta: {
    id: 'aws-lambda-deprecated-runtime',
    provider: 'aws',
    service: 'lambda',
    severity: 'medium',
    title: 'Lambda function uses a deprecated runtime',
    explanation:
      'Lambda patches a managed runtime only while it is supported; once a runtime is deprecated it gets no more security updates and function updates are later blocked. Moving to a supported runtime is a code change only you can make.',
    resolution: 'Upgrade the function to a supported runtime identifier (e.g. python3.13, nodejs22.x, java21) and test it; see the Lambda runtimes table for dates.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-2'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['aws_lambda_function', 'AWS::Lambda::Function', 'AWS::Serverless::Function'] },
    controls: ['aws-fsbp:Lambda.2'],
    equivalents: { checkov: ['CKV_AWS_363'] },
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.8"\n  handler       = "app.handler"\n  filename      = "api.zip"\n}\n' }],
        good: [{ code: 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  role          = "arn:aws:iam::111122223333:role/api"\n  runtime       = "python3.13"\n  handler       = "app.handler"\n  filename      = "api.zip"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs16.x\n      Handler: index.handler\n      CodeUri: src/\n' }],
        good: [{ code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: index.handler\n      CodeUri: src/\n' }],
      },
    },
  },
  check(ctx) {
    const today = new Date().toISOString().slice(0, 10);
    for (const f of ctx.resources<Fn>('aws.lambda.function')) {
      const rt = f.f.runtime;
      if (rt.origin === 'unknown' || rt.origin === 'default' || rt.value === undefined) continue;
      const gone = DEPRECATED[rt.value];
      if (gone) {
        ctx.report({ resource: f, value: rt, message: `Runtime "${rt.value}" was deprecated on ${gone}: it no longer receives security patches` });
        continue;
      }
      const planned = PROJECTED[rt.value];
      if (planned && planned <= today) {
        ctx.report({
          resource: f,
          value: rt,
          severity: 'low',
          message: `Runtime "${rt.value}" was scheduled for deprecation on ${planned} (check the Lambda runtimes table): plan the upgrade`,
        });
      }
    }
  },
});
