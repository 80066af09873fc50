// Terraform S3: aws_s3_bucket joined with its companion resources (provider v4+ style) and its legacy inline blocks.
import { bucketSpec, publicAccessBlockSpec, encryptionSpec, versioningSpec, bucketPolicySpec, loggingSpec, aclSpec, type S3Bucket } from '../../../model/aws/s3';
import type { KindResource, KindSpec } from '../../../model/kind';
import type { Value } from '../../../model/resource';
import type { SourceResource } from '../../../source';
import { type AdaptContext, DesignationIndex } from '../../context';
import { buildKind } from '../../generic';
import { presence } from '../../values';

type Companion<S extends KindSpec<any>> = S extends KindSpec<infer F> ? KindResource<F> : never;

function companions<S extends KindSpec<any>>(ctx: AdaptContext, spec: S): Companion<S>[] {
  return ctx.ofType(...spec.terraform).map((src) => buildKind(spec, src) as Companion<S>);
}

export function adaptS3Terraform(ctx: AdaptContext): S3Bucket[] {
  // Each companion list indexed once by the bucket it names: testing every companion against every bucket was most
  // of the analysis time of a module with thousands of buckets.
  const index = <T extends { f: { bucket: Value<unknown> } }>(list: T[]) => new DesignationIndex(list, (c) => c.f.bucket.val);
  const pabs = index(companions(ctx, publicAccessBlockSpec));
  const encs = index(companions(ctx, encryptionSpec));
  const vers = index(companions(ctx, versioningSpec));
  const pols = index(companions(ctx, bucketPolicySpec));
  const logs = index(companions(ctx, loggingSpec));
  const acls = index(companions(ctx, aclSpec));

  return ctx.ofType('aws_s3_bucket').map((src) => {
    const b = buildKind(bucketSpec, src);
    const name = b.f.bucketName.origin !== 'unknown' ? b.f.bucketName.value : undefined;
    const mine = <T,>(list: DesignationIndex<T>) => list.for(src, name);
    const parts: SourceResource[] = [];
    const take = <T extends { source: SourceResource }>(list: T[]): T | undefined => {
      for (const c of list) parts.push(c.source);
      return list[list.length - 1];
    };

    const pab = take(mine(pabs));
    const enc = take(mine(encs));
    const ver = take(mine(vers));
    const log = take(mine(logs));
    const acl = take(mine(acls));
    const policies = mine(pols);
    for (const p of policies) parts.push(p.source);

    const bucket: S3Bucket = {
      kind: 'aws.s3.bucket',
      address: src.address,
      source: src,
      parts,
      tags: b.tags,
      bucketName: b.f.bucketName,
      encryption: enc
        ? { source: enc.source, algorithm: enc.f.sseAlgorithm, kmsKeyId: enc.f.kmsKeyId }
        : { algorithm: b.f.sseAlgorithm, kmsKeyId: b.f.kmsKeyId },
      versioning: versioningOf(ver?.f.status, b.f.versioningEnabled),
      policies: [
        ...(b.f.policy.document ? [{ source: src, value: b.f.policy.value, document: b.f.policy.document }] : []),
        ...policies.map((p) => ({ source: p.source, value: p.f.document.value, ...(p.f.document.document ? { document: p.f.document.document } : {}) })),
      ],
      logging: log ? { origin: 'explicit', value: true, span: log.source.headerSpan } : presence(b.f.logging),
      acl: acl ? acl.f.acl : b.f.acl,
    };
    if (pab) {
      bucket.publicAccessBlock = {
        source: pab.source,
        blockPublicAcls: pab.f.blockPublicAcls,
        blockPublicPolicy: pab.f.blockPublicPolicy,
        ignorePublicAcls: pab.f.ignorePublicAcls,
        restrictPublicBuckets: pab.f.restrictPublicBuckets,
      };
    }
    return bucket;
  });
}

function versioningOf(status: Value<string> | undefined, legacy: Value<boolean>): Value<string> {
  if (status && status.origin !== 'default') return status;
  if (legacy.origin === 'unknown') return { ...legacy, value: undefined } as Value<string>;
  if (legacy.origin !== 'default') return { ...legacy, value: legacy.value ? 'Enabled' : 'Suspended' } as Value<string>;
  return { origin: 'default', value: 'Disabled', reason: 'S3 creates buckets unversioned' };
}
