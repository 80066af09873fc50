import { domainName } from '../../../model/aws/apigateway';
import { attributeRule } from '../../factory';

export default attributeRule({
  meta: {
    id: 'aws-apigateway-domain-tls',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway custom domain accepts TLS 1.0',
    explanation:
      'The TLS_1_0 security policy still accepts TLS 1.0 and 1.1 clients and their weak cipher suites, which are open to downgrade and decryption attacks. API Gateway terminates TLS with the policy you choose for the domain.',
    resolution: 'Set security_policy = "TLS_1_2" (CloudFormation: SecurityPolicy: TLS_1_2), or one of the enhanced SecurityPolicy_TLS13_* policies.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html', 'https://docs.aws.amazon.com/config/latest/developerguide/apigateway-domain-name-tls-check.html'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_api_gateway_domain_name', 'AWS::ApiGateway::DomainName'] },
    controls: [],
    equivalents: { trivy: ['AVD-AWS-0005', 'aws-api-gateway-use-secure-tls-policy', 'aws-apigateway-use-secure-tls-policy'], kics: ['4e1cc5d3-2811-4fb2-861c-ee9b3cb7f90b', '8275fab0-68ec-4705-bbf4-86975edb170e'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.example.com"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n  security_policy          = "TLS_1_0"\n}\n' }],
        good: [{ code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name              = "api.example.com"\n  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"\n  security_policy          = "TLS_1_2"\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc\n      SecurityPolicy: TLS_1_0\n' }],
        good: [{ code: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc\n      SecurityPolicy: TLS_1_2\n' }],
      },
    },
  },
  kind: domainName,
  field: 'securityPolicy',
  insecure: (v) => v === 'TLS_1_0',
  fix: 'TLS_1_2',
  consequence: 'clients may connect with TLS 1.0 and 1.1',
});
