import type { fn } from '../../../model/aws/lambda';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Fn = KindResource<typeof fn.fields>;

export default defineRule({
  meta: {
    id: 'aws-lambda-runtime-updates',
    provider: 'aws',
    service: 'lambda',
    severity: 'medium',
    title: 'Lambda runtime patches are not applied automatically',
    explanation:
      'In the default Auto mode Lambda applies runtime security patches itself. FunctionUpdate delays them until the next deployment, and Manual pins a runtime version so no patch arrives until you change it: both move the runtime-patching duty from AWS to you.',
    resolution: 'Set RuntimeManagementConfig.UpdateRuntimeOn to Auto (or remove it); use Manual only briefly to roll back a runtime update that broke the function.',
    links: ['https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html'],
    responsibility: { layer: 'runtime-platform', resourceTypes: ['AWS::Lambda::Function', 'AWS::Serverless::Function'] },
    controls: [],
    equivalents: {},
    fixable: true,
    // Terraform keeps this in aws_lambda_runtime_management_config, which the knowledge base does not cover yet.
    formats: ['cloudformation'],
    examples: {
      cloudformation: {
        bad: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      RuntimeManagementConfig:\n        UpdateRuntimeOn: FunctionUpdate\n' }],
        good: [{ code: 'Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n      RuntimeManagementConfig:\n        UpdateRuntimeOn: Auto\n' }],
      },
    },
  },
  check(ctx) {
    for (const f of ctx.resources<Fn>('aws.lambda.function')) {
      const v = f.f.updateRuntimeOn;
      if (v.origin === 'unknown' || (v.value !== 'Manual' && v.value !== 'FunctionUpdate')) continue;
      const manual = v.value === 'Manual';
      ctx.report({
        resource: f,
        value: v,
        severity: manual ? undefined : 'low',
        message: manual
          ? 'UpdateRuntimeOn is "Manual": the runtime version is pinned and receives no security patches until you change it'
          : 'UpdateRuntimeOn is "FunctionUpdate": runtime security patches only arrive when the function is deployed again',
        // Leaving Manual also means dropping the pinned RuntimeVersionArn, which only the user can judge.
        fix: !manual && v.site ? { title: 'Set UpdateRuntimeOn to "Auto"', actions: [{ type: 'set', site: v.site, value: 'Auto' }] } : undefined,
      });
    }
  },
});
