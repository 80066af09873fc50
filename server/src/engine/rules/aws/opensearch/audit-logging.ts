import { type domain, logPublishing } from '../../../model/aws/opensearch';
import type { FixValue } from '../../../fix/types';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Domain = KindResource<typeof domain.fields>;

const CONSEQUENCE = 'logins, index access and changes to security settings are not recorded';
const LOG_GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/opensearch/audit';

export default defineRule({
  meta: {
    id: 'aws-opensearch-audit-logging',
    provider: 'aws',
    service: 'opensearch',
    severity: 'medium',
    title: 'OpenSearch domain does not publish audit logs',
    explanation:
      'Audit logs record who authenticated, which indices and documents they touched, and who changed users, roles or security settings; without them a data leak or privilege change inside the domain leaves no trace. OpenSearch Service produces them once fine-grained access control is on and you choose to publish them to a CloudWatch Logs group.',
    resolution: 'Add log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = … } (CloudFormation: LogPublishingOptions.AUDIT_LOGS with CloudWatchLogsLogGroupArn and Enabled: true). Audit logs need fine-grained access control, and the log group a resource policy that lets es.amazonaws.com write to it.',
    links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'] },
    controls: ['aws-fsbp:Opensearch.5', 'aws-fsbp:ES.5'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name    = "search"\n  engine_version = "OpenSearch_2.11"\n\n  log_publishing_options {\n    log_type                 = "ES_APPLICATION_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/errors"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_opensearch_domain" "search" {\n  domain_name    = "search"\n  engine_version = "OpenSearch_2.11"\n\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = false\n    master_user_options {\n      master_user_arn = "arn:aws:iam::111122223333:role/search-admin"\n    }\n  }\n\n  log_publishing_options {\n    log_type                 = "AUDIT_LOGS"\n    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/audit"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/audit\n          Enabled: false\n' }],
        good: [{ code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n      AdvancedSecurityOptions:\n        Enabled: true\n        MasterUserOptions:\n          MasterUserARN: arn:aws:iam::111122223333:role/search-admin\n      LogPublishingOptions:\n        AUDIT_LOGS:\n          CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:/aws/opensearch/search/audit\n          Enabled: true\n' }],
      },
    },
  },
  check(ctx) {
    for (const d of ctx.resources<Domain>('aws.opensearch.domain')) {
      const lp = logPublishing(d, 'AUDIT_LOGS');
      if (lp.state === 'unknown' || lp.state === 'enabled') continue;
      const tf = d.source.format === 'terraform';
      // OpenSearch refuses audit logs without fine-grained access control: a fix that turns them on where it is off
      // (or unknown) would break the deployment, so it is offered only where it is known to be on.
      const fgac = d.f.fineGrained;
      const fixable = fgac.origin !== 'unknown' && fgac.value === true;
      if (lp.state === 'disabled') {
        const e = lp.enabled;
        const message = tf ? `enabled is false for log_type "AUDIT_LOGS": ${CONSEQUENCE}` : e.origin === 'default' ? `AUDIT_LOGS does not set Enabled (${e.reason ?? 'default false'}): ${CONSEQUENCE}` : `AUDIT_LOGS Enabled is false: ${CONSEQUENCE}`;
        ctx.report({ resource: d, value: e, message, fix: fixable && e.site ? { title: 'Enable audit log publishing', actions: [{ type: 'set', site: e.site, value: true }] } : undefined });
        continue;
      }
      const value: FixValue = tf ? { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: { $placeholder: LOG_GROUP } } : { CloudWatchLogsLogGroupArn: { $placeholder: LOG_GROUP }, Enabled: true };
      ctx.report({
        resource: d,
        value: lp.value,
        message: tf ? `No log_publishing_options block has log_type "AUDIT_LOGS": ${CONSEQUENCE}` : `LogPublishingOptions has no AUDIT_LOGS entry: ${CONSEQUENCE}`,
        fix: fixable && lp.site ? { title: 'Publish audit logs to CloudWatch Logs (enter the log group ARN)', actions: [{ type: 'set', site: lp.site, value }] } : undefined,
      });
    }
  },
});
