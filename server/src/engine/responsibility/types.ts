// The vocabulary of the shared responsibility model, shared by the knowledge base, rules, hovers and reports.

/** How AWS describes a service's model (AWS Security Best Practices whitepaper). */
export type ServiceModel = 'infrastructure' | 'container' | 'abstracted';

export type Owner = 'aws' | 'customer' | 'shared';

/** The layers of duty a resource's security is split into, bottom (AWS's) to top (the customer's). */
export const LAYERS = [
  'facilities-hardware',
  'virtualization',
  'network-infrastructure',
  'host-os',
  'guest-os',
  'runtime-platform',
  'application-code',
  'network-configuration',
  'identity-access',
  'encryption-at-rest',
  'encryption-in-transit',
  'logging-monitoring',
  'backup-resilience',
  'data-classification',
] as const;

export type Layer = (typeof LAYERS)[number];

export const LAYER_TITLES: Record<Layer, string> = {
  'facilities-hardware': 'Facilities and hardware',
  virtualization: 'Virtualization',
  'network-infrastructure': 'Network infrastructure',
  'host-os': 'Host OS',
  'guest-os': 'Guest OS and patching',
  'runtime-platform': 'Runtime and platform',
  'application-code': 'Application code',
  'network-configuration': 'Network configuration',
  'identity-access': 'Identity and access',
  'encryption-at-rest': 'Encryption at rest',
  'encryption-in-transit': 'Encryption in transit',
  'logging-monitoring': 'Logging and monitoring',
  'backup-resilience': 'Backup and resilience',
  'data-classification': 'Data classification',
};
