import { baseAddress, DesignationIndex } from '../../../adapt/context';
import type { cluster, logging } from '../../../model/aws/redshift';
import type { FixSpec } from '../../../fix/types';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type Cluster = KindResource<typeof cluster.fields>;
type Logging = KindResource<typeof logging.fields>;

// CloudWatch Logs needs no bucket or bucket policy, so the fix works as written; Redshift creates the log groups.
const LOG_EXPORTS = ['connectionlog', 'userlog'];

export default defineRule({
  meta: {
    id: 'aws-redshift-audit-logging',
    provider: 'aws',
    service: 'redshift',
    severity: 'medium',
    title: 'Redshift cluster audit logging is off',
    explanation:
      'Audit logs record connection attempts, who connected from where, and changes to database users; without them a brute-force attempt or a misused account leaves no trace outside the cluster. Redshift produces the logs, but only delivers them to S3 or CloudWatch Logs when you turn logging on.',
    resolution:
      'Terraform: add an aws_redshift_logging resource for the cluster (the logging block inside aws_redshift_cluster is deprecated in AWS provider v5). CloudFormation: set LoggingProperties with LogDestinationType cloudwatch, or s3 with a BucketName Redshift may write to. Set enable_user_activity_logging in the parameter group to log queries as well.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_redshift_cluster', 'aws_redshift_logging', 'AWS::Redshift::Cluster'] },
    controls: ['aws-fsbp:Redshift.4'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n}\n' }],
        good: [
          {
            code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n}\n\nresource "aws_redshift_logging" "dw" {\n  cluster_identifier   = aws_redshift_cluster.dw.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog"]\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n' }],
        good: [{ code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n      LoggingProperties:\n        LogDestinationType: cloudwatch\n        LogExports:\n          - connectionlog\n          - userlog\n' }],
      },
    },
  },
  check(ctx) {
    const logs = ctx.resources<Logging>('aws.redshift.logging');
    const clusters = ctx.resources<Cluster>('aws.redshift.cluster');
    const clusterAddresses = new Set(clusters.map((c) => baseAddress(c.source.address)));
    const logsByCluster = new DesignationIndex(logs, (l) => l.f.clusterIdentifier.val);
    // Logging resources whose target cannot be matched to a cluster: one with an unknown target might be any
    // cluster's; one naming a literal identifier might be that of a cluster whose own identifier is not known.
    const unmatched = logs.filter((l) => !targetsKnownCluster(l));
    const unknownTarget = unmatched.some((l) => l.f.clusterIdentifier.origin === 'unknown');
    const literalTarget = unmatched.some((l) => l.f.clusterIdentifier.origin !== 'unknown' && l.f.clusterIdentifier.origin !== 'default');
    const loggingNames = new Set(ctx.sources.filter((s) => s.type === 'aws_redshift_logging' && s.mode === 'resource').map((s) => s.name));
    for (const c of clusters) {
      if (c.source.format === 'cloudformation') checkCloudFormation(c);
      else checkTerraform(c);
    }

    function checkCloudFormation(c: Cluster) {
      const props = c.f.loggingProperties;
      if (props.origin === 'unknown') return;
      if (props.origin === 'default') {
        ctx.report({
          resource: c,
          value: props,
          message: 'LoggingProperties is not set: connection attempts and user changes are not recorded outside the cluster',
          fix: props.site ? cloudWatchFix(props.site) : undefined,
        });
        return;
      }
      // A bucket or a destination type is what turns logging on; anything unknown in them might do so.
      const { loggingBucket: bucket, loggingDestination: destination } = c.f;
      if (bucket.origin !== 'default' || destination.origin !== 'default') return;
      ctx.report({ resource: c, value: props, message: 'LoggingProperties names neither a BucketName nor a LogDestinationType: audit logs are not delivered anywhere' });
    }

    function checkTerraform(c: Cluster) {
      const inline = c.f.loggingEnabled;
      if (inline.origin === 'unknown' || inline.value === true) return;
      const id = c.f.clusterIdentifier;
      const name = id.origin !== 'unknown' ? id.value : undefined;
      if (logsByCluster.has(c.source, name)) return;
      // A logging resource whose target cannot be matched might be this cluster's: stay silent rather than guess.
      if (unknownTarget || (literalTarget && name === undefined)) return;
      const explicitOff = inline.origin !== 'default';
      ctx.report({
        resource: c,
        value: inline,
        message: explicitOff
          ? 'logging.enable is false and no aws_redshift_logging targets this cluster: connection attempts and user changes are not recorded outside the cluster'
          : 'No aws_redshift_logging targets this cluster: connection attempts and user changes are not recorded outside the cluster',
        fix: explicitOff ? undefined : companionFix(c),
      });
    }

    function targetsKnownCluster(l: Logging): boolean {
      const t = l.f.clusterIdentifier;
      const refs = t.refs ?? t.val?.refs ?? [];
      return refs.some((r) => clusterAddresses.has(baseAddress(r.address)));
    }

    function companionFix(c: Cluster): FixSpec | undefined {
      const src = c.source;
      if (src.instanceKey !== undefined) return undefined;
      // Another aws_redshift_logging of the same name would make the inserted block a duplicate.
      if (loggingNames.has(src.name)) return undefined;
      const text = [
        `resource "aws_redshift_logging" "${src.name}" {`,
        `  cluster_identifier   = aws_redshift_cluster.${src.name}.id`,
        '  log_destination_type = "cloudwatch"',
        `  log_exports          = [${LOG_EXPORTS.map((e) => `"${e}"`).join(', ')}]`,
        '}',
      ].join('\n');
      return { title: 'Add aws_redshift_logging to CloudWatch Logs for this cluster', actions: [{ type: 'insertAfter', after: src, text }] };
    }
  },
});

function cloudWatchFix(site: NonNullable<Cluster['f']['loggingProperties']['site']>): FixSpec {
  return { title: 'Send audit logs to CloudWatch Logs', actions: [{ type: 'set', site, value: { LogDestinationType: 'cloudwatch', LogExports: LOG_EXPORTS } }] };
}
