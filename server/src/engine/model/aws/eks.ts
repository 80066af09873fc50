// EKS clusters.
import { defineKind } from '../kind';

export const cluster = defineKind({
  kind: 'aws.eks.cluster',
  terraform: ['aws_eks_cluster'],
  cloudformation: ['AWS::EKS::Cluster'],
  fields: {
    endpointPublic: {
      type: 'bool',
      terraform: ['vpc_config', 'endpoint_public_access'],
      cloudformation: ['ResourcesVpcConfig', 'EndpointPublicAccess'],
      default: { value: true, reason: 'EKS gives new clusters a public API server endpoint unless told otherwise' },
      doc: 'Whether the Kubernetes API server endpoint is reachable from the internet.',
    },
    publicCidrs: {
      type: 'strings',
      terraform: ['vpc_config', 'public_access_cidrs'],
      cloudformation: ['ResourcesVpcConfig', 'PublicAccessCidrs'],
      doc: 'Source CIDR blocks allowed to reach the public endpoint; EKS uses 0.0.0.0/0 when absent.',
    },
    encryption: {
      type: 'items',
      terraform: ['encryption_config'],
      cloudformation: ['EncryptionConfig'],
      fields: {
        resources: { type: 'strings', terraform: ['resources'], cloudformation: ['Resources'] },
        keyArn: { type: 'string', terraform: ['provider', 'key_arn'], cloudformation: ['Provider', 'KeyArn'] },
      },
    },
    logTypes: { type: 'strings', terraform: ['enabled_cluster_log_types'], doc: 'Control plane log types sent to CloudWatch Logs.' },
    logTypesCfn: {
      type: 'items',
      cloudformation: ['Logging', 'ClusterLogging', 'EnabledTypes'],
      fields: { type: { type: 'string', cloudformation: ['Type'] } },
    },
  },
});
