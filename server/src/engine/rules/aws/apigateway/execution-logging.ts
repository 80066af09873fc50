import { baseAddress, designates, DesignationIndex } from '../../../adapt/context';
import type { Val } from '../../../evaluate/value';
import type { methodSettings, restStage } from '../../../model/aws/apigateway';
import type { KindResource } from '../../../model/kind';
import type { ModelResource, Value } from '../../../model/resource';
import { defineRule } from '../../rule';

type RestStage = KindResource<typeof restStage.fields>;
type MethodSettings = KindResource<typeof methodSettings.fields>;

const LOGGING = new Set(['ERROR', 'INFO']);

/** ERROR or INFO, or not known statically (which might be either): the settings may log. */
function mayLog(level: Value<string>): boolean {
  return level.origin === 'unknown' || (level.value !== undefined && LOGGING.has(level.value.trim().toUpperCase()));
}

function isOff(level: Value<string>): boolean {
  return level.origin !== 'unknown' && level.origin !== 'default' && level.value?.trim().toUpperCase() === 'OFF';
}

export default defineRule({
  meta: {
    id: 'aws-apigateway-execution-logging',
    provider: 'aws',
    service: 'apigateway',
    severity: 'medium',
    title: 'API Gateway REST stage does not write execution logs',
    explanation:
      'Execution logs show how API Gateway handled each request: authorizer decisions, validation failures, integration errors and throttling. Without them, failed or abusive calls cannot be traced after the fact. API Gateway writes them to CloudWatch Logs only for the methods where you set a logging level.',
    resolution:
      'Set a logging level of ERROR or INFO for all methods of the stage: Terraform, an aws_api_gateway_method_settings with method_path = "*/*" and settings { logging_level = "ERROR" }; CloudFormation, a MethodSettings entry with ResourcePath "/*", HttpMethod "*" and LoggingLevel ERROR. The account also needs a CloudWatch Logs role for API Gateway (aws_api_gateway_account / AWS::ApiGateway::Account).',
    links: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_api_gateway_stage', 'aws_api_gateway_method_settings', 'AWS::ApiGateway::Stage'] },
    controls: ['aws-fsbp:APIGateway.1'],
    equivalents: {},
    // Turning logging on fails the deployment until the account-level CloudWatch Logs role exists, which no edit here can check.
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n}\n' }],
        good: [
          {
            code: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = "a1b2c3"\n  deployment_id = "d1"\n}\n\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "a1b2c3"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n\n  settings {\n    logging_level = "ERROR"\n  }\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n' }],
        good: [{ code: 'Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      StageName: prod\n      RestApiId: a1b2c3\n      DeploymentId: d1\n      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: "*"\n          LoggingLevel: ERROR\n' }],
      },
    },
  },
  check(ctx) {
    const settings = ctx.resources<MethodSettings>('aws.apigateway.method-settings');
    const stages = ctx.resources<RestStage>('aws.apigateway.rest-stage');
    const stageAddresses = new Set(stages.map((s) => baseAddress(s.source.address)));
    // Settings by the stage they name (reference or name): each stage looks up its own instead of testing them all.
    const byStage = new DesignationIndex(settings, (m) => m.f.stageName.val);
    const unmatched = settings.filter((m) => m.f.stageName.origin !== 'default' && !targetsKnownStage(m));
    const unknownTarget = new Set(unmatched.filter((m) => m.f.stageName.origin === 'unknown'));
    const literalTarget = new Set(unmatched.filter((m) => m.f.stageName.origin !== 'unknown'));
    const off = (resource: ModelResource, level: Value<string>, name: string) =>
      ctx.report({ resource, value: level, message: `${name} is "${level.value?.trim()}": calls to these methods leave no execution log` });
    const none = (stage: RestStage, detail: string) => ctx.report({ resource: stage, message: `${detail}: API Gateway writes no execution logs for this stage` });

    // Explicitly turned off, for all methods or a single one: the finding is on the setting itself.
    for (const m of settings) if (isOff(m.f.loggingLevel)) off(m, m.f.loggingLevel, 'logging_level');

    for (const s of stages) {
      if (s.source.format === 'cloudformation') {
        const list = s.f.methodSettings;
        if (list.value.origin === 'unknown') continue;
        const items = list.items;
        for (const item of items) if (isOff(item.f.loggingLevel)) off(s, item.f.loggingLevel, 'LoggingLevel');
        if (items.some((i) => mayLog(i.f.loggingLevel) || isOff(i.f.loggingLevel))) continue;
        none(s, items.length === 0 ? 'No MethodSettings set a LoggingLevel' : 'No MethodSettings entry sets LoggingLevel to ERROR or INFO');
        continue;
      }
      const stageName = s.f.stageName.origin !== 'unknown' ? s.f.stageName.value : undefined;
      const mine = byStage.for(s.source, stageName).filter((m) => appliesTo(m, s, stageName));
      if (mine.some((m) => mayLog(m.f.loggingLevel) || isOff(m.f.loggingLevel))) continue;
      // Settings whose stage cannot be matched might be this stage's (any unknown target; a literal name, when this
      // stage's own name is not known): stay silent rather than guess.
      if (undecidedBeyond(unknownTarget, mine) || (stageName === undefined && undecidedBeyond(literalTarget, mine))) continue;
      none(s, mine.length === 0 ? 'No aws_api_gateway_method_settings refers to this stage' : 'No aws_api_gateway_method_settings for this stage sets logging_level to ERROR or INFO');
    }

    /** Of the settings that designate this stage (byStage): by reference to it, or by its name within the same REST API. */
    function appliesTo(m: MethodSettings, s: RestStage, stageName: string | undefined): boolean {
      if (designates(m.f.stageName.val, s.source)) return true;
      return stageName !== undefined && sameApi(m.f.restApiId, s.f.restApiId) !== false;
    }

    function targetsKnownStage(m: MethodSettings): boolean {
      const t = m.f.stageName;
      const refs = t.refs ?? t.val?.refs ?? [];
      return refs.some((r) => stageAddresses.has(baseAddress(r.address)));
    }

    /** Whether some of `candidates` are not among the stage's own settings. */
    function undecidedBeyond(candidates: Set<MethodSettings>, mine: MethodSettings[]): boolean {
      if (candidates.size === 0) return false;
      let shared = 0;
      for (const m of mine) if (candidates.has(m)) shared++;
      return candidates.size > shared;
    }
  },
});

/** Whether two rest_api_id values name the same API: false only when both are known to differ. */
function sameApi(a: Value<Val>, b: Value<Val>): boolean | undefined {
  const refsA = (a.refs ?? a.val?.refs ?? []).map((r) => baseAddress(r.address));
  const refsB = (b.refs ?? b.val?.refs ?? []).map((r) => baseAddress(r.address));
  if (refsA.length > 0 && refsB.length > 0) return refsA.some((r) => refsB.includes(r));
  const va = a.val;
  const vb = b.val;
  if (va?.kind === 'string' && vb?.kind === 'string' && refsA.length === 0 && refsB.length === 0) return va.value === vb.value;
  return undefined;
}
