// Every declarative kind the generic adapter builds directly. Kinds with joins (S3 buckets, security groups)
// have their own adapters in adapt/terraform/aws and adapt/cloudformation/aws.
import type { KindSpec } from '../kind';
import * as cloudtrail from './cloudtrail';
import * as ec2 from './ec2';
import * as iam from './iam';
import * as kms from './kms';
import * as rds from './rds';

export const GENERIC_KINDS: KindSpec<any>[] = [
  cloudtrail.trail,
  ec2.instance,
  ec2.launchTemplate,
  ec2.volume,
  iam.group,
  iam.policy,
  iam.role,
  iam.user,
  kms.key,
  rds.dbCluster,
  rds.dbInstance,
];
