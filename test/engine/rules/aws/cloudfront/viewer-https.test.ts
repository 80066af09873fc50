import { distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (def: string, ordered = '') => distributionTf({ viewerProtocolPolicy: def, afterDefaultCacheBehavior: ordered });
const ordered = (p: string) => `  ordered_cache_behavior {\n    path_pattern           = "/api/*"\n    target_origin_id       = "app"\n    viewer_protocol_policy = ${p}\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n  }\n`;
const cfn = (def: string, behaviors = '') => distributionCfn({ viewerProtocolPolicy: def, end: behaviors });

ruleTester('aws-cloudfront-viewer-https', {
  valid: [
    { format: 'terraform', code: tf('"redirect-to-https"', ordered('"https-only"')) },
    { name: 'unknown', format: 'terraform', code: tf('var.p'), files: { 'v.tf': 'variable "p" {}\n' } },
    { format: 'cloudformation', code: cfn('https-only') },
  ],
  invalid: [
    { format: 'terraform', code: tf('"allow-all"'), errors: [{ line: 9, column: 30, message: /default cache behavior/, severity: 'medium' }], output: tf('"redirect-to-https"') },
    {
      name: 'ordered behavior',
      format: 'terraform',
      code: tf('"redirect-to-https"', ordered('"allow-all"')),
      errors: [{ line: 16, column: 30, message: /\/api\/\*/ }],
      output: tf('"redirect-to-https"', ordered('"redirect-to-https"')),
    },
    { name: 'from a variable default', format: 'terraform', code: 'variable "p" {\n  default = "allow-all"\n}\n\n' + tf('var.p'), errors: [{ line: 13, column: 30, relatedLines: [2] }] },
    {
      format: 'cloudformation',
      code: cfn('https-only', '        CacheBehaviors:\n          - PathPattern: /img/*\n            TargetOriginId: app\n            ViewerProtocolPolicy: allow-all\n'),
      errors: [{ line: 13, column: 35, message: /\/img\/\*/ }],
      output: cfn('https-only', '        CacheBehaviors:\n          - PathPattern: /img/*\n            TargetOriginId: app\n            ViewerProtocolPolicy: redirect-to-https\n'),
    },
  ],
});
