import type { restStage } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type RestStage = KindResource<typeof restStage.fields>;

const ASSOCIATIONS = new Set(['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association']);

export default defineRule({
  meta: {
    id: 'aws-apigateway-waf',
    provider: 'aws',
    service: 'apigateway',
    severity: 'low',
    title: 'API Gateway REST stage has no WAF web ACL',
    explanation:
      'AWS WAF in front of a REST API stage filters common exploits, known bad IP addresses and request floods before they reach your backend. API Gateway only consults a web ACL that you associate with the stage. (If AWS Firewall Manager or another configuration attaches the ACL, suppress this finding.)',
    resolution: 'Add an aws_wafv2_web_acl_association whose resource_arn is the stage ARN (aws_api_gateway_stage.<name>.arn) and whose web_acl_arn is a REGIONAL web ACL.',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4'],
    responsibility: { layer: 'network-configuration', resourceTypes: ['aws_wafv2_web_acl_association'] },
    controls: ['aws-fsbp:APIGateway.4'],
    equivalents: { kics: ['a186e82c-1078-4a7b-85d8-579561fde884'] },
    fixable: false,
    // CloudFormation templates name the stage inside a !Sub ARN, which cannot be matched reliably; Terraform references can.
    formats: ['terraform'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n}\n' }],
        good: [
          {
            code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n}\n\nresource "aws_wafv2_web_acl_association" "prod" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/abc"\n}\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    const protectedAddresses: string[] = [];
    for (const s of ctx.sources) {
      if (s.mode !== 'resource' || !ASSOCIATIONS.has(s.type)) continue;
      const arn = s.body.fields.get('resource_arn')?.value;
      const refs = arn?.refs ?? [];
      // An association whose target cannot be traced (a variable, a literal ARN) might be any stage: stay silent.
      if (refs.length === 0) return;
      protectedAddresses.push(...refs.map((r) => r.address));
    }
    for (const stage of ctx.resources<RestStage>('aws.apigateway.rest-stage')) {
      if (stage.source.format !== 'terraform') continue;
      const a = stage.address;
      if (protectedAddresses.some((p) => a === p || a.startsWith(`${p}[`))) continue;
      ctx.report({ resource: stage, message: 'No WAF web ACL is associated with this stage in the configuration: requests reach the backend unfiltered' });
    }
  },
});
