import { distributionCfn, distributionTf } from '../../../../../server/src/engine/rules/examples/cloudfront';
import { ruleTester } from '../../../../helpers/rule-tester';

const tf = (certificate: string) => distributionTf({ viewerCertificate: certificate });
const acm = '    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1"\n    ssl_support_method  = "sni-only"\n';
const cfn = (v: string) =>
  distributionCfn({ afterEnabled: `        ViewerCertificate:\n          AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/1\n          SslSupportMethod: sni-only\n          MinimumProtocolVersion: ${v}\n` });

ruleTester('aws-cloudfront-min-tls', {
  valid: [
    { format: 'terraform', code: tf(acm + '    minimum_protocol_version = "TLSv1.2_2021"\n') },
    { name: 'default certificate: the policy cannot be chosen', format: 'terraform', code: tf('    cloudfront_default_certificate = true\n') },
    { name: 'unknown', format: 'terraform', code: tf(acm + '    minimum_protocol_version = var.v\n'), files: { 'v.tf': 'variable "v" {}\n' } },
    { format: 'cloudformation', code: cfn('TLSv1.2_2019') },
  ],
  invalid: [
    { name: 'omitted with a custom certificate', format: 'terraform', code: tf(acm), errors: [{ line: 1, column: 1, message: /minimum_protocol_version is not set/ }], output: tf(acm + '    minimum_protocol_version = "TLSv1.2_2021"\n') },
    { format: 'terraform', code: tf(acm + '    minimum_protocol_version = "TLSv1.1_2016"\n'), errors: [{ line: 21, column: 32, severity: 'medium' }], output: tf(acm + '    minimum_protocol_version = "TLSv1.2_2021"\n') },
    { name: 'from a variable default', format: 'terraform', code: 'variable "v" {\n  default = "TLSv1"\n}\n\n' + tf(acm + '    minimum_protocol_version = var.v\n'), errors: [{ line: 25, column: 32, relatedLines: [2] }] },
    { format: 'cloudformation', code: cfn('TLSv1_2016'), errors: [{ line: 10, column: 35 }], output: cfn('TLSv1.2_2021') },
  ],
});
