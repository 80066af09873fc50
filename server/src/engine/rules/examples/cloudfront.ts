// The CloudFront distribution of the cloudfront rules' examples and tests. Each rule fills a slot or two and leaves
// the rest as it is, so its good and bad examples differ only where the rule looks.
// Slots are text inserted as is (already indented), except attribute maps, which are aligned the way terraform fmt does.
// This lives outside rules/aws/: every file there is registered as a rule.

/** An origin: its id (the default cache behavior targets it) and its text (Terraform: the block body; CloudFormation: the list item). */
export interface Origin {
  id: string;
  text: string;
}

/** The AWS managed CachingOptimized cache policy. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** HCL attribute lines, one per entry (values are HCL expressions), with the `=` signs aligned. */
function hclAttributes(indent: string, attributes: Record<string, string>): string {
  const width = Math.max(...Object.keys(attributes).map((k) => k.length));
  return Object.entries(attributes).map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}\n`).join('');
}

export interface DistributionTf {
  /** Top-level attributes after `enabled = true`, aligned with it. */
  attributes?: Record<string, string>;
  /** Default: a custom origin, app.example.com. */
  origin?: Origin;
  /** HCL expression; default "redirect-to-https". */
  viewerProtocolPolicy?: string;
  /** Adds cache_policy_id = the managed CachingOptimized policy to the default cache behavior. */
  cachingOptimized?: boolean;
  /** Blocks between default_cache_behavior and restrictions (ordered_cache_behavior, logging_config…). */
  afterDefaultCacheBehavior?: string;
  /** The body of viewer_certificate; default: the *.cloudfront.net certificate. */
  viewerCertificate?: string;
  /** Text before the closing brace, where fixes add missing attributes and blocks. */
  end?: string;
}

export function distributionTf(s: DistributionTf = {}): string {
  const origin = s.origin ?? originTf();
  const behavior: Record<string, string> = {
    target_origin_id: `"${origin.id}"`,
    viewer_protocol_policy: s.viewerProtocolPolicy ?? '"redirect-to-https"',
    allowed_methods: '["GET", "HEAD"]',
    cached_methods: '["GET", "HEAD"]',
    ...(s.cachingOptimized ? { cache_policy_id: `"${CACHING_OPTIMIZED}"` } : {}),
  };
  return `resource "aws_cloudfront_distribution" "site" {
${hclAttributes('  ', { enabled: 'true', ...s.attributes })}  origin {
${origin.text}  }
  default_cache_behavior {
${hclAttributes('    ', behavior)}  }
${s.afterDefaultCacheBehavior ?? ''}  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
${s.viewerCertificate ?? '    cloudfront_default_certificate = true\n'}  }
${s.end ?? ''}}
`;
}

export interface OriginTf {
  /** Default "app". */
  id?: string;
  /** HCL expression; default "app.example.com". */
  domain?: string;
  /** More attributes after origin_id, aligned with it. */
  attributes?: Record<string, string>;
  /** Nested blocks after the attributes. */
  blocks?: string;
}

export function originTf({ id = 'app', domain = '"app.example.com"', attributes, blocks = '' }: OriginTf = {}): Origin {
  return { id, text: hclAttributes('    ', { domain_name: domain, origin_id: `"${id}"`, ...attributes }) + blocks };
}

/** The REST endpoint of the site's bucket, id "site": an S3 origin as the rules recognise it. */
export function s3OriginTf(o: Omit<OriginTf, 'id'> = {}): Origin {
  return originTf({ ...o, id: 'site', domain: o.domain ?? '"acme-site.s3.eu-west-1.amazonaws.com"' });
}

/** An origin with custom_origin_config; policy and protocols are HCL expressions (defaults: "https-only", ["TLSv1.2"]). */
export function customOriginTf({ policy = '"https-only"', protocols = '["TLSv1.2"]', domain }: { policy?: string; protocols?: string; domain?: string } = {}): Origin {
  const config = hclAttributes('      ', { http_port: '80', https_port: '443', origin_protocol_policy: policy, origin_ssl_protocols: protocols });
  return originTf({ domain, blocks: `    custom_origin_config {\n${config}    }\n` });
}

export interface DistributionCfn {
  /** DistributionConfig properties after `Enabled: true` (8 spaces deep). */
  afterEnabled?: string;
  /** Default: no Origins, and the default cache behavior targets "app". */
  origin?: Origin;
  /** Default redirect-to-https. */
  viewerProtocolPolicy?: string;
  /** Adds CachePolicyId: the managed CachingOptimized policy to the default cache behavior. */
  cachingOptimized?: boolean;
  /** DistributionConfig properties after DefaultCacheBehavior, the end of the template, where fixes add missing ones. */
  end?: string;
}

export function distributionCfn(s: DistributionCfn = {}): string {
  const origins = s.origin ? `        Origins:\n${s.origin.text}` : '';
  const cachePolicy = s.cachingOptimized ? `          CachePolicyId: ${CACHING_OPTIMIZED}\n` : '';
  return (
    'Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n' +
    (s.afterEnabled ?? '') +
    origins +
    `        DefaultCacheBehavior:\n          TargetOriginId: ${s.origin?.id ?? 'app'}\n          ViewerProtocolPolicy: ${s.viewerProtocolPolicy ?? 'redirect-to-https'}\n` +
    cachePolicy +
    (s.end ?? '')
  );
}

export interface OriginCfn {
  /** Default "app". */
  id?: string;
  /** Default app.example.com. */
  domain?: string;
  /** More properties of the origin after DomainName (12 spaces deep). */
  properties?: string;
}

export function originCfn({ id = 'app', domain = 'app.example.com', properties = '' }: OriginCfn = {}): Origin {
  return { id, text: `          - Id: ${id}\n            DomainName: ${domain}\n${properties}` };
}

/** The REST endpoint of the site's bucket, id "site", with an empty S3OriginConfig unless other properties are given. */
export function s3OriginCfn(o: Omit<OriginCfn, 'id'> = {}): Origin {
  return originCfn({ id: 'site', domain: o.domain ?? 'acme-site.s3.amazonaws.com', properties: o.properties ?? '            S3OriginConfig: {}\n' });
}

/** An origin with CustomOriginConfig; OriginSSLProtocols is written only when protocols is given. */
export function customOriginCfn({ policy = 'https-only', protocols }: { policy?: string; protocols?: string } = {}): Origin {
  const ssl = protocols === undefined ? '' : `              OriginSSLProtocols: ${protocols}\n`;
  return originCfn({ properties: `            CustomOriginConfig:\n              OriginProtocolPolicy: ${policy}\n${ssl}` });
}
