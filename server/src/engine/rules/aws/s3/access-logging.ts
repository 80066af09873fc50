import type { FixSpec } from '../../../fix/types';
import { placeholder } from '../../../fix/types';
import type { S3Bucket } from '../../../model/aws/s3';
import { DesignationIndex } from '../../../adapt/context';
import { valAt } from '../../../adapt/values';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-s3-access-logging',
    provider: 'aws',
    service: 's3',
    severity: 'low',
    title: 'S3 bucket has no server access logging',
    explanation:
      'Server access logs record every request made to the bucket: who read or changed which object, from where. AWS delivers them only to a bucket you name; without them an investigation of a leak or an unexpected deletion has little to go on.',
    resolution: 'Turn on server access logging to a separate log bucket (Terraform: an aws_s3_bucket_logging resource; CloudFormation: LoggingConfiguration.DestinationBucketName).',
    links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-9'],
    responsibility: { layer: 'logging-monitoring', resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_logging', 'AWS::S3::Bucket'] },
    controls: ['aws-fsbp:S3.9'],
    equivalents: { checkov: ['CKV_AWS_18'], trivy: ['AVD-AWS-0089', 'aws-s3-enable-logging'], kics: ['f861041c-8c9f-4156-acfc-5e6e524f5884', '4552b71f-0a2a-4bc4-92dd-ed7ec1b4674c'] },
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n', note: 'no aws_s3_bucket_logging for the bucket' }],
        good: [
          {
            code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "data/"\n}\n',
            note: 'the log bucket itself is not asked to log (that would log its own log deliveries)',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n' }],
        good: [
          {
            code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n        LogFilePrefix: data/\n',
          },
        ],
      },
    },
  },
  check(ctx) {
    const buckets = ctx.resources<S3Bucket>('aws.s3.bucket');
    const targets = logTargets(buckets);
    for (const b of buckets) {
      const v = b.logging;
      if (v.origin === 'unknown' || v.value !== false) continue;
      if (isLogBucket(b, targets)) continue;
      ctx.report({
        resource: b,
        value: v,
        message:
          b.source.format === 'terraform'
            ? 'No aws_s3_bucket_logging for this bucket: requests to it are not logged'
            : 'No LoggingConfiguration: requests to this bucket are not logged',
        fix: loggingFix(b),
      });
    }
  },
});

/** Where the buckets' logs go: the target_bucket / DestinationBucketName values, as evaluated. */
function logTargets(buckets: S3Bucket[]) {
  const out = [];
  for (const b of buckets) {
    for (const part of b.parts) if (part.type === 'aws_s3_bucket_logging') out.push(valAt(part, ['target_bucket']));
    out.push(valAt(b.source, b.source.format === 'terraform' ? ['logging', 0, 'target_bucket'] : ['LoggingConfiguration', 'DestinationBucketName']));
  }
  // Indexed by the bucket each names: every bucket asks whether it is a target.
  return new DesignationIndex(out.filter((v) => v !== undefined), (v) => v);
}

/** A bucket that receives access logs (or is set up for log delivery) is not itself required to log. */
function isLogBucket(b: S3Bucket, targets: ReturnType<typeof logTargets>): boolean {
  if (b.acl.origin !== 'unknown' && (b.acl.value === 'log-delivery-write' || b.acl.value === 'LogDeliveryWrite')) return true;
  const name = b.bucketName.origin !== 'unknown' && b.bucketName.origin !== 'default' ? b.bucketName.value : undefined;
  return targets.has(b.source, name);
}

function loggingFix(b: S3Bucket): FixSpec | undefined {
  const src = b.source;
  if (src.format === 'cloudformation') {
    return {
      title: 'Add LoggingConfiguration (enter the log bucket)',
      actions: [{ type: 'set', site: { resource: src, path: ['LoggingConfiguration', 'DestinationBucketName'] }, value: { $placeholder: 'log-bucket-name' } }],
    };
  }
  if (src.instanceKey !== undefined) return undefined; // counted buckets need a counted companion: left to the author
  const text = [
    `resource "aws_s3_bucket_logging" "${src.name}" {`,
    `  bucket        = aws_s3_bucket.${src.name}.id`,
    `  target_bucket = "${placeholder('log-bucket-name')}"`,
    `  target_prefix = "${src.name}/"`,
    '}',
  ].join('\n');
  return { title: 'Add an aws_s3_bucket_logging for this bucket (enter the log bucket)', actions: [{ type: 'insertAfter', after: src, text }] };
}
