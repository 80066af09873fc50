// CloudFront distributions: viewer and origin protocols, TLS, WAF, logging and origin access.
import { defineKind } from '../kind';

const DC = 'DistributionConfig';

export const distribution = defineKind({
  kind: 'aws.cloudfront.distribution',
  terraform: ['aws_cloudfront_distribution'],
  cloudformation: ['AWS::CloudFront::Distribution'],
  fields: {
    enabled: { type: 'bool', terraform: ['enabled'], cloudformation: [DC, 'Enabled'] },
    defaultViewerProtocolPolicy: {
      type: 'string',
      terraform: ['default_cache_behavior', 0, 'viewer_protocol_policy'],
      cloudformation: [DC, 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
      doc: 'allow-all, redirect-to-https or https-only: whether viewers may use plain HTTP.',
    },
    orderedBehaviors: {
      type: 'items',
      terraform: ['ordered_cache_behavior'],
      cloudformation: [DC, 'CacheBehaviors'],
      fields: {
        pathPattern: { type: 'string', terraform: ['path_pattern'], cloudformation: ['PathPattern'] },
        viewerProtocolPolicy: { type: 'string', terraform: ['viewer_protocol_policy'], cloudformation: ['ViewerProtocolPolicy'] },
      },
    },
    viewerCertificate: { type: 'raw', terraform: ['viewer_certificate'], cloudformation: [DC, 'ViewerCertificate'] },
    defaultCertificate: {
      type: 'bool',
      terraform: ['viewer_certificate', 0, 'cloudfront_default_certificate'],
      cloudformation: [DC, 'ViewerCertificate', 'CloudFrontDefaultCertificate'],
    },
    acmCertificate: { type: 'string', terraform: ['viewer_certificate', 0, 'acm_certificate_arn'], cloudformation: [DC, 'ViewerCertificate', 'AcmCertificateArn'] },
    iamCertificate: { type: 'string', terraform: ['viewer_certificate', 0, 'iam_certificate_id'], cloudformation: [DC, 'ViewerCertificate', 'IamCertificateId'] },
    minimumProtocolVersion: {
      type: 'string',
      terraform: ['viewer_certificate', 0, 'minimum_protocol_version'],
      cloudformation: [DC, 'ViewerCertificate', 'MinimumProtocolVersion'],
      default: { value: 'TLSv1', reason: 'with a custom certificate, CloudFront accepts TLS 1.0 and later unless a newer policy is chosen' },
      doc: 'The oldest TLS version and the ciphers CloudFront accepts from viewers.',
    },
    webAclId: {
      type: 'string',
      terraform: ['web_acl_id'],
      cloudformation: [DC, 'WebACLId'],
      default: { value: '', reason: 'no web ACL is attached unless one is named' },
      doc: 'The AWS WAF web ACL that filters requests.',
    },
    logging: { type: 'raw', terraform: ['logging_config'], cloudformation: [DC, 'Logging'] },
    defaultRootObject: { type: 'string', terraform: ['default_root_object'], cloudformation: [DC, 'DefaultRootObject'] },
    origins: {
      type: 'items',
      terraform: ['origin'],
      cloudformation: [DC, 'Origins'],
      fields: {
        id: { type: 'string', terraform: ['origin_id'], cloudformation: ['Id'] },
        domainName: { type: 'string', terraform: ['domain_name'], cloudformation: ['DomainName'] },
        originAccessControlId: { type: 'string', terraform: ['origin_access_control_id'], cloudformation: ['OriginAccessControlId'] },
        s3OriginConfig: { type: 'raw', terraform: ['s3_origin_config'], cloudformation: ['S3OriginConfig'] },
        originAccessIdentity: { type: 'string', terraform: ['s3_origin_config', 0, 'origin_access_identity'], cloudformation: ['S3OriginConfig', 'OriginAccessIdentity'] },
        customOriginConfig: { type: 'raw', terraform: ['custom_origin_config'], cloudformation: ['CustomOriginConfig'] },
        originProtocolPolicy: {
          type: 'string',
          terraform: ['custom_origin_config', 0, 'origin_protocol_policy'],
          cloudformation: ['CustomOriginConfig', 'OriginProtocolPolicy'],
        },
        originSslProtocols: { type: 'strings', terraform: ['custom_origin_config', 0, 'origin_ssl_protocols'], cloudformation: ['CustomOriginConfig', 'OriginSSLProtocols'] },
      },
    },
  },
});
