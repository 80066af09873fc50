// CloudFormation S3: AWS::S3::Bucket properties, joined with the AWS::S3::BucketPolicy resources that name it.
import { bucketSpec, bucketPolicySpec, type S3Bucket } from '../../../model/aws/s3';
import type { Value } from '../../../model/resource';
import { type AdaptContext, DesignationIndex } from '../../context';
import { buildKind } from '../../generic';
import { presence } from '../../values';

export function adaptS3CloudFormation(ctx: AdaptContext): S3Bucket[] {
  const policies = new DesignationIndex(
    ctx.ofType('AWS::S3::BucketPolicy').map((src) => buildKind(bucketPolicySpec, src)),
    (p) => p.f.bucket.val,
  );
  return ctx.ofType('AWS::S3::Bucket').map((src) => {
    const b = buildKind(bucketSpec, src);
    const name = b.f.bucketName.origin !== 'unknown' ? b.f.bucketName.value : undefined;
    const mine = policies.for(src, name);
    const versioning: Value<string> =
      b.f.versioningStatus.origin === 'default'
        ? { origin: 'default', value: 'Disabled', reason: 'S3 creates buckets unversioned', ...(b.f.versioningStatus.site ? { site: b.f.versioningStatus.site } : {}) }
        : b.f.versioningStatus;
    const bucket: S3Bucket = {
      kind: 'aws.s3.bucket',
      address: src.address,
      source: src,
      parts: mine.map((p) => p.source),
      tags: b.tags,
      bucketName: b.f.bucketName,
      encryption: { algorithm: b.f.sseAlgorithm, kmsKeyId: b.f.kmsKeyId },
      versioning,
      policies: mine.map((p) => ({ source: p.source, value: p.f.document.value, ...(p.f.document.document ? { document: p.f.document.document } : {}) })),
      logging: presence(b.f.logging),
      acl: b.f.acl,
    };
    if (b.f.pabConfig.origin !== 'default') {
      bucket.publicAccessBlock = {
        source: src,
        blockPublicAcls: b.f.blockPublicAcls,
        blockPublicPolicy: b.f.blockPublicPolicy,
        ignorePublicAcls: b.f.ignorePublicAcls,
        restrictPublicBuckets: b.f.restrictPublicBuckets,
      };
    }
    return bucket;
  });
}
