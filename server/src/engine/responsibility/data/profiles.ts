// Layer templates: how the line falls for each kind of resource. Entries pick one and override single layers,
// which keeps the data compact while every type still answers all fourteen layers.
import type { Layer, Owner } from '../types';

/**
 * - compute: you run an operating system (EC2 instances, launch templates, EMR nodes).
 * - network: configuration AWS enforces in its network (security groups, NACLs, subnets, routes).
 * - managed: AWS runs OS and engine; you configure it (RDS, ElastiCache, OpenSearch, Redshift…).
 * - data: an abstracted service that stores your data (S3, DynamoDB, SQS, SNS, EFS…).
 * - serverless: AWS runs the platform, your code runs on it (Lambda, Step Functions, Glue jobs).
 * - control: configuration only, no data path of yours (IAM, KMS aliases, detectors, policies, listeners).
 */
export type Profile = 'compute' | 'network' | 'managed' | 'data' | 'serverless' | 'control';

/** [owner, why, applies]. `{svc}` is replaced by the service name. */
export type DutyTemplate = readonly [Owner, string, boolean?];

const AWS_BASE: Pick<Record<Layer, DutyTemplate>, 'facilities-hardware' | 'virtualization' | 'network-infrastructure' | 'host-os'> = {
  'facilities-hardware': ['aws', 'AWS runs the data centers and the hardware under {svc}, including their physical security.'],
  virtualization: ['aws', 'The virtualization layer that keeps tenants apart is built and operated by AWS.'],
  'network-infrastructure': ['aws', 'AWS operates the physical network, the backbone and the isolation between customers.'],
  'host-os': ['aws', 'AWS installs, hardens and patches the host operating systems that run {svc}.'],
};

const NOT_APPLICABLE_OS: DutyTemplate = ['aws', 'Nothing of yours runs an operating system here; AWS operates the software behind {svc}.', false];

export const PROFILES: Record<Profile, Record<Layer, DutyTemplate>> = {
  compute: {
    ...AWS_BASE,
    'guest-os': ['customer', 'You pick the image and keep the guest operating system patched and hardened; AWS has no access to it.'],
    'runtime-platform': ['customer', 'Agents, runtimes and servers you install on the instance are yours to configure and update.'],
    'application-code': ['customer', 'Everything your instances run is your code or your choice of software.'],
    'network-configuration': ['customer', 'AWS enforces security groups and routing, but you write every rule and decide what is public.'],
    'identity-access': ['customer', 'You decide which role the instance carries and who may log in or call its metadata service.'],
    'encryption-at-rest': ['shared', 'AWS implements EBS encryption with KMS; you turn it on and choose the key.'],
    'encryption-in-transit': ['customer', 'Traffic to and from your instances is protected only when your software uses TLS.'],
    'logging-monitoring': ['shared', 'AWS collects hypervisor-level metrics; logs inside the guest and detailed monitoring are yours to enable and read.'],
    'backup-resilience': ['customer', 'AWS keeps volumes durable inside one Availability Zone; snapshots, backups and multi-AZ design are yours.'],
    'data-classification': ['customer', 'Only you know what data lives on the instance and how sensitive it is.'],
  },
  network: {
    ...AWS_BASE,
    'guest-os': NOT_APPLICABLE_OS,
    'runtime-platform': ['aws', 'AWS runs the software that enforces {svc} configuration; there is nothing for you to patch.', false],
    'application-code': ['aws', 'No code of yours runs in this resource.', false],
    'network-configuration': ['customer', 'AWS enforces the rules, but every rule, route and exposure decision is written by you.'],
    'identity-access': ['customer', 'Who may change this network configuration is decided by your IAM policies.'],
    'encryption-at-rest': ['aws', 'This resource stores no data of yours.', false],
    'encryption-in-transit': ['customer', 'The network does not encrypt your traffic for you; your services must use TLS or a VPN.'],
    'logging-monitoring': ['shared', 'AWS can capture traffic metadata, but flow logs are recorded only when you turn them on.'],
    'backup-resilience': ['shared', 'AWS keeps the network fabric available; spreading subnets and paths across Availability Zones is your design.'],
    'data-classification': ['aws', 'Holds no data of yours to classify.', false],
  },
  managed: {
    ...AWS_BASE,
    'guest-os': ['aws', 'AWS patches the operating system of the managed nodes; you get no OS access.'],
    'runtime-platform': ['shared', 'AWS installs and patches the engine; you choose the version, the maintenance window and whether minor upgrades apply.'],
    'application-code': ['customer', 'Schemas, queries and the clients that use {svc} are yours.'],
    'network-configuration': ['customer', 'You decide the subnets, security groups and whether the endpoint is reachable from the internet.'],
    'identity-access': ['customer', 'Database users, IAM authentication and who may manage the resource are your choices.'],
    'encryption-at-rest': ['shared', 'AWS implements storage encryption with KMS; you turn it on at creation and choose the key.'],
    'encryption-in-transit': ['shared', 'AWS offers TLS endpoints; requiring TLS from every client is your setting.'],
    'logging-monitoring': ['shared', 'AWS produces engine and audit logs; exporting, keeping and reviewing them is up to you.'],
    'backup-resilience': ['shared', 'AWS provides automated backups and failover; you set retention, Multi-AZ and deletion protection, and test restores.'],
    'data-classification': ['customer', 'Only you know what data the engine holds and how sensitive it is.'],
  },
  data: {
    ...AWS_BASE,
    'guest-os': NOT_APPLICABLE_OS,
    'runtime-platform': ['aws', 'AWS runs and patches the {svc} service software; there is nothing for you to patch.'],
    'application-code': ['customer', 'The code that reads and writes {svc} data, and what it does with it, is yours.'],
    'network-configuration': ['shared', 'AWS exposes regional endpoints; you decide who may reach the data, through policies and VPC endpoints.'],
    'identity-access': ['customer', 'Every IAM and resource policy that grants access to the data is written by you.'],
    'encryption-at-rest': ['shared', 'AWS implements the encryption; you choose the key type and who may use the key.'],
    'encryption-in-transit': ['shared', 'AWS endpoints accept TLS; requiring it from every client is your policy.'],
    'logging-monitoring': ['shared', 'AWS records the activity it sees; data-level logging, retention and review are yours to enable.'],
    'backup-resilience': ['shared', 'AWS stores data redundantly; protecting it from deletion and corruption (versioning, backups) is yours to turn on.'],
    'data-classification': ['customer', 'Only you know what you store in {svc} and how sensitive it is.'],
  },
  serverless: {
    ...AWS_BASE,
    'guest-os': ['aws', 'AWS runs and patches the execution environment; you never see its operating system.'],
    'runtime-platform': ['shared', 'AWS publishes runtime patches; you keep a supported runtime and decide how updates apply.'],
    'application-code': ['customer', 'All code and dependencies you deploy, and their vulnerabilities, are yours.'],
    'network-configuration': ['shared', 'AWS provides the network; VPC placement and who may invoke the code are your settings.'],
    'identity-access': ['customer', 'The execution role and the resource policy that lets others invoke it are written by you.'],
    'encryption-at-rest': ['shared', 'AWS encrypts what it stores for you; a customer managed key for your configuration is your choice.'],
    'encryption-in-transit': ['shared', 'AWS API endpoints use TLS; the connections your code opens are yours to protect.'],
    'logging-monitoring': ['shared', 'AWS delivers logs and metrics; what your code logs, retention and tracing are yours.'],
    'backup-resilience': ['shared', 'AWS runs the service across Availability Zones; retries, dead-letter handling and redeployability are yours.'],
    'data-classification': ['customer', 'Only you know what data your code handles.'],
  },
  control: {
    ...AWS_BASE,
    'guest-os': NOT_APPLICABLE_OS,
    'runtime-platform': ['aws', 'AWS runs the {svc} control plane that evaluates this configuration.', false],
    'application-code': ['aws', 'No code of yours runs in this resource.', false],
    'network-configuration': ['aws', 'Configuration-only resource: it has no network exposure of its own.', false],
    'identity-access': ['customer', 'The permissions this configuration grants, and who may change it, are your decisions.'],
    'encryption-at-rest': ['aws', 'AWS stores this configuration encrypted; there is no choice for you to make here.', false],
    'encryption-in-transit': ['aws', 'Calls to the {svc} API travel over TLS endpoints that AWS operates.', false],
    'logging-monitoring': ['shared', 'AWS records changes to it in CloudTrail; keeping a trail and reviewing it is yours.'],
    'backup-resilience': ['aws', 'AWS keeps the configuration durable; your infrastructure code is the record to restore from.', false],
    'data-classification': ['aws', 'Holds no data of yours to classify.', false],
  },
};
