import { type domain, logPublishing } from '../../../model/aws/opensearch';
import type { FixValue } from '../../../fix/types';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Domain = KindResource<typeof domain.fields>;

const CONSEQUENCE = 'errors and warnings of the domain are not sent to CloudWatch Logs';
const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/errors';

export default defineRule({
  meta: {
    id: 'aws-opensearch-error-logging',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain does not publish error logs',
    explanation:
      'Error logs (ES_APPLICATION_LOGS) carry the engine\'s errors and warnings, such as failing shards, rejected requests and script or plugin failures; without them you cannot see why a domain degrades or what an abusive request did to it. OpenSearch Service writes them to CloudWatch Logs only when you enable publishing to a log group.',
    resolution: 'Add log_publishing_options { log_type = "ES_APPLICATION_LOGS", cloudwatch_log_group_arn = … } (CloudFormation: LogPublishingOptions.ES_APPLICATION_LOGS with CloudWatchLogsLogGroupArn and Enabled: true), and give the log group a resource policy that lets es.amazonaws.com write to it.',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-4'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.4', 'aws-fsbp:ES.4'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name    = "search"\n  engine_version = "OpenSearch_2.11"\n}\n', note: 'omitted: no logs are published' }],
        good: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name    = "search"\n  engine_version = "OpenSearch_2.11"\n\n  log_publishing_options {\n    log_type                 = "ES_APPLICATION_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/errors"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n      LogPublishingOptions:\n        ES_APPLICATION_LOGS:\n          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/errors\n          Enabled: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Domain>('aws.opensearch.domain')) {
      const lp = logPublishing(d, 'ES_APPLICATION_LOGS');
      if (lp.state === 'unknown' || lp.state === 'enabled') continue;
      const tf = d.source.format === 'terraform';
      if (lp.state === 'disabled') {
        const e = lp.enabled;
        const message = tf ? `enabled is false for log_type "ES_APPLICATION_LOGS": ${CONSEQUENCE}` : e.origin === 'default' ? `ES_APPLICATION_LOGS does not set Enabled (${e.reason ?? 'default false'}): ${CONSEQUENCE}` : `ES_APPLICATION_LOGS Enabled is false: ${CONSEQUENCE}`;
        ctx.report({ resource: d, value: e, message, fix: e.site ? { title: 'Enable error log publishing', actions: [{ type: 'set', site: e.site, value: true }] } : undefined });
        continue;
      }
      const value: FixValue = tf ? { log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: { $placeholder: LOG_GROUP } } : { CloudWatchLogsLogGroupArn: { $placeholder: LOG_GROUP }, Enabled: true };
      ctx.report({
        resource: d,
        value: lp.value,
        message: tf ? `No log_publishing_options block has log_type "ES_APPLICATION_LOGS": ${CONSEQUENCE}` : `LogPublishingOptions has no ES_APPLICATION_LOGS entry: ${CONSEQUENCE}`,
        fix: lp.site ? { title: 'Publish error logs to CloudWatch Logs (enter the log group ARN)', actions: [{ type: 'set', site: lp.site, value }] } : undefined,
      });
    }
  },
});
