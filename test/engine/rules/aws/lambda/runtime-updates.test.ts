import { ruleTester } from '../../../../helpers/rule-tester';

const cfn = (extra: string) => `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.13\n${extra}`;

ruleTester('aws-lambda-runtime-updates', {
  valid: [
    { name: 'omitted: Auto', format: 'cloudformation', code: cfn('') },
    { format: 'cloudformation', code: cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: Auto\n') },
    { name: 'unknown parameter', format: 'cloudformation', code: 'Parameters:\n  Mode:\n    Type: String\n' + cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: !Ref Mode\n') },
  ],
  invalid: [
    { name: 'Manual: no fix', format: 'cloudformation', code: cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: Manual\n        RuntimeVersionArn: arn:aws:lambda:eu-west-1::runtime:0b8f3c7e\n'), errors: [{ line: 7, column: 26, severity: 'medium', message: /pinned/ }], output: null },
    { name: 'FunctionUpdate', format: 'cloudformation', code: cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: FunctionUpdate\n'), errors: [{ line: 7, column: 26, severity: 'low' }], output: cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: Auto\n') },
    { name: 'parameter default', format: 'cloudformation', code: 'Parameters:\n  Mode:\n    Type: String\n    Default: Manual\n' + cfn('      RuntimeManagementConfig:\n        UpdateRuntimeOn: !Ref Mode\n'), errors: [{ line: 11, relatedLines: [4] }] },
  ],
});
