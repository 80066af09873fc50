// Small predicates over account facts, shared by the finding adjustments and the account issues.
import type { AccountPosture, Trail } from './types';

export function s3BpaAllOn(posture: AccountPosture): boolean {
  const f = posture.s3AccountPublicAccessBlock;
  return (
    f.status === 'known' &&
    f.value.configured &&
    f.value.blockPublicAcls &&
    f.value.ignorePublicAcls &&
    f.value.blockPublicPolicy &&
    f.value.restrictPublicBuckets
  );
}

/** A trail that records this account in every Region and is logging now. */
export function coveringTrail(posture: AccountPosture): Trail | undefined {
  const f = posture.cloudTrail;
  if (f.status !== 'known') return undefined;
  return f.value.trails.find((t) => (t.isOrganization || t.isMultiRegion) && t.logging === true);
}
