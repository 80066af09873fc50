// Lambda functions (plain and SAM), resource-based invoke permissions and function URLs.
import { defineKind } from '../kind';

export const fn = defineKind({
  kind: 'aws.lambda.function',
  terraform: ['aws_lambda_function'],
  cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
  fields: {
    runtime: { type: 'string', terraform: ['runtime'], cloudformation: ['Runtime'], doc: 'Managed runtime identifier; absent for container images.' },
    packageType: {
      type: 'string',
      terraform: ['package_type'],
      cloudformation: ['PackageType'],
      default: { value: 'Zip', reason: 'Lambda default package type' },
    },
    tracingMode: {
      type: 'string',
      terraform: ['tracing_config', 'mode'],
      // SAM functions take a plain `Tracing` property instead of TracingConfig.
      cloudformation: [['TracingConfig', 'Mode'], ['Tracing']],
      default: { value: 'PassThrough', reason: 'Lambda only traces requests that arrive with a sampled X-Ray header' },
      doc: 'Active: Lambda samples and traces invocations with X-Ray itself.',
    },
    environment: { type: 'raw', terraform: ['environment', 'variables'], cloudformation: ['Environment', 'Variables'] },
    // Terraform sets this in a separate aws_lambda_runtime_management_config resource, not modelled yet.
    updateRuntimeOn: {
      type: 'string',
      cloudformation: ['RuntimeManagementConfig', 'UpdateRuntimeOn'],
      default: { value: 'Auto', reason: 'Lambda applies runtime patches automatically by default' },
      doc: 'Auto: Lambda patches the runtime; FunctionUpdate: only when the function is deployed; Manual: pinned, never.',
    },
  },
});

export const permission = defineKind({
  kind: 'aws.lambda.permission',
  terraform: ['aws_lambda_permission'],
  cloudformation: ['AWS::Lambda::Permission'],
  fields: {
    action: { type: 'string', terraform: ['action'], cloudformation: ['Action'] },
    principal: { type: 'string', terraform: ['principal'], cloudformation: ['Principal'] },
    sourceArn: { type: 'string', terraform: ['source_arn'], cloudformation: ['SourceArn'] },
    sourceAccount: { type: 'string', terraform: ['source_account'], cloudformation: ['SourceAccount'] },
    principalOrgId: { type: 'string', terraform: ['principal_org_id'], cloudformation: ['PrincipalOrgID'] },
    functionUrlAuthType: { type: 'string', terraform: ['function_url_auth_type'], cloudformation: ['FunctionUrlAuthType'] },
  },
});

export const functionUrl = defineKind({
  kind: 'aws.lambda.function-url',
  terraform: ['aws_lambda_function_url'],
  cloudformation: ['AWS::Lambda::Url'],
  fields: {
    authType: { type: 'string', terraform: ['authorization_type'], cloudformation: ['AuthType'], doc: 'AWS_IAM: callers sign requests; NONE: anyone on the internet can call.' },
  },
});
