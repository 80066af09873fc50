// The `demarc.*` settings contract, shared by the server (reads them per resource) and the client (declares them in
// package.json `contributes.configuration`). Recipe for a new setting: add it to `Settings`, `DEFAULT_SETTINGS` and
// `SETTINGS_MANIFEST` here, declare it in the manifest, then read it in the server (lsp/analysis.ts).
// Plain types only: this file is compiled into the client too.

export type SettingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type RunMode = 'onType' | 'onSave';
export type TraceLevel = 'off' | 'messages' | 'verbose';
export type BaselineMode = 'dim' | 'hide' | 'show';

/** The shape `workspace/configuration` returns for section `demarc` (VS Code nests dotted keys into objects). */
export interface Settings {
  /** demarc.enable: analyze at all; false clears every diagnostic of the resource's folder. */
  enable: boolean;
  /** demarc.run: analyze while typing (debounced) or only when a file is saved. */
  run: RunMode;
  /** demarc.severityOverrides: rule id → severity, or 'off' to hide that rule's findings in the editor. */
  severityOverrides: Record<string, SettingSeverity | 'off'>;
  rules: {
    /** demarc.rules.exclude: rule ids never run in the editor (added to .demarc.yaml's own exclusions). */
    exclude: string[];
  };
  /** demarc.exclude: glob patterns (relative to the workspace folder) of files that get no diagnostics. */
  exclude: string[];
  analysis: {
    /** demarc.analysis.maxFileSize: files above this many bytes are skipped with one notice. */
    maxFileSize: number;
    /** demarc.analysis.debounceMs: quiet time after the last keystroke before a document is re-analyzed. */
    debounceMs: number;
  };
  trace: {
    /** demarc.trace.server: LSP message tracing in the output channel (read by the client). */
    server: TraceLevel;
  };
  baseline: {
    /**
     * demarc.baseline.mode: what the editor does with findings the project file's baseline accepts: hints marked
     * "in the baseline" (dim), no diagnostic (hide), or the usual diagnostic (show).
     */
    mode: BaselineMode;
  };
  aws: {
    /** demarc.aws.profile: named profile from the shared AWS config files; empty = default chain. */
    profile: string;
    /** demarc.aws.region: region for account checks; empty = profile or Terraform provider region. */
    region: string;
    /** demarc.aws.connect: connect to the account on start (never in untrusted workspaces). */
    connect: boolean;
  };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  run: 'onType',
  severityOverrides: {},
  rules: { exclude: [] },
  exclude: [],
  analysis: { maxFileSize: 4 * 1024 * 1024, debounceMs: 200 },
  trace: { server: 'off' },
  baseline: { mode: 'dim' },
  aws: { profile: '', region: '', connect: false },
}) as Settings;

export interface SettingDescriptor {
  type: 'boolean' | 'string' | 'number' | 'array' | 'object';
  default: unknown;
  description: string;
  enum?: string[];
  /** VS Code configuration scope: `resource` unless the setting only makes sense per window. */
  scope: 'resource' | 'window' | 'machine-overridable';
  items?: { type: string };
  additionalProperties?: { type?: string; enum?: string[] };
  minimum?: number;
}

const SEVERITY_VALUES = ['critical', 'high', 'medium', 'low', 'info'];

/** Flat description of every setting, so the manifest can be written (or checked) from one source. */
export const SETTINGS_MANIFEST: Record<string, SettingDescriptor> = {
  'demarc.enable': { type: 'boolean', default: DEFAULT_SETTINGS.enable, scope: 'resource', description: 'Analyze Terraform and CloudFormation files in this folder.' },
  'demarc.run': { type: 'string', enum: ['onType', 'onSave'], default: DEFAULT_SETTINGS.run, scope: 'resource', description: 'Analyze while typing or only on save.' },
  'demarc.severityOverrides': {
    type: 'object',
    default: {},
    scope: 'resource',
    additionalProperties: { type: 'string', enum: [...SEVERITY_VALUES, 'off'] },
    description: 'Severity per rule id (critical, high, medium, low, info), or "off" to hide the rule in the editor.',
  },
  'demarc.rules.exclude': { type: 'array', items: { type: 'string' }, default: [], scope: 'resource', description: 'Rule ids that never run in the editor.' },
  'demarc.exclude': { type: 'array', items: { type: 'string' }, default: [], scope: 'resource', description: 'Glob patterns, relative to the workspace folder, of files that get no diagnostics.' },
  'demarc.analysis.maxFileSize': { type: 'number', minimum: 1024, default: DEFAULT_SETTINGS.analysis.maxFileSize, scope: 'resource', description: 'Files larger than this many bytes are skipped with a notice.' },
  'demarc.analysis.debounceMs': { type: 'number', minimum: 0, default: DEFAULT_SETTINGS.analysis.debounceMs, scope: 'resource', description: 'Milliseconds of quiet after a keystroke before re-analysis.' },
  'demarc.baseline.mode': {
    type: 'string',
    enum: ['dim', 'hide', 'show'],
    default: DEFAULT_SETTINGS.baseline.mode,
    scope: 'resource',
    description: 'Findings accepted in the baseline named by .demarc.yaml (demarc scan --write-baseline): shown as hints marked "in the baseline" (dim), not shown (hide), or shown like any other finding (show).',
  },
  'demarc.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', description: 'Trace the messages between VS Code and the Demarc language server.' },
  'demarc.aws.profile': { type: 'string', default: '', scope: 'machine-overridable', description: 'AWS profile for account checks (empty: the default credential chain).' },
  'demarc.aws.region': { type: 'string', default: '', scope: 'machine-overridable', description: 'AWS region for account checks (empty: from the profile or the Terraform provider).' },
  'demarc.aws.connect': { type: 'boolean', default: false, scope: 'window', description: 'Connect to the AWS account on start (never in untrusted workspaces).' },
};

/**
 * Turns whatever the client sent into valid Settings: unknown keys are ignored and every wrong-typed value
 * falls back to its default, so a typo in settings.json never stops analysis.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const rules = isRecord(r.rules) ? r.rules : {};
  const analysis = isRecord(r.analysis) ? r.analysis : {};
  const trace = isRecord(r.trace) ? r.trace : {};
  const aws = isRecord(r.aws) ? r.aws : {};
  const baseline = isRecord(r.baseline) ? r.baseline : {};
  const overrides: Record<string, SettingSeverity | 'off'> = {};
  if (isRecord(r.severityOverrides)) {
    for (const [id, v] of Object.entries(r.severityOverrides)) {
      if (typeof v === 'string' && (v === 'off' || SEVERITY_VALUES.includes(v))) overrides[id] = v as SettingSeverity | 'off';
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : d.run,
    severityOverrides: overrides,
    rules: { exclude: stringArray(rules.exclude) },
    exclude: stringArray(r.exclude),
    analysis: {
      maxFileSize: positiveNumber(analysis.maxFileSize, d.analysis.maxFileSize),
      debounceMs: positiveNumber(analysis.debounceMs, d.analysis.debounceMs, true),
    },
    trace: { server: trace.server === 'messages' || trace.server === 'verbose' || trace.server === 'off' ? trace.server : d.trace.server },
    baseline: { mode: baseline.mode === 'dim' || baseline.mode === 'hide' || baseline.mode === 'show' ? baseline.mode : d.baseline.mode },
    aws: {
      profile: typeof aws.profile === 'string' ? aws.profile : d.aws.profile,
      region: typeof aws.region === 'string' ? aws.region : d.aws.region,
      connect: typeof aws.connect === 'boolean' ? aws.connect : d.aws.connect,
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

function positiveNumber(v: unknown, fallback: number, allowZero = false): number {
  return typeof v === 'number' && Number.isFinite(v) && (v > 0 || (allowZero && v === 0)) ? v : fallback;
}
