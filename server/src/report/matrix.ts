// The responsibility matrix: every declared resource × the layers where the customer has a part, each cell
// with its owner and status. One data model for `demarc report` (HTML, Markdown, JSON) and the editor webview.
// Kept free of the analysis engine (only the knowledge-base data) so the editor client can bundle it cheaply.
import type { Range } from '../engine/types';
import { LAYERS, LAYER_TITLES, type Layer, type Owner } from '../engine/responsibility/types';
import { allResourceResponsibilities } from '../engine/responsibility/kb';
import type { ResourceExplanation } from '../engine/responsibility/explain';

export type CellStatus = 'met' | 'finding' | 'not-checked' | 'verified' | 'aws' | 'n/a' | 'unknown';

export const CELL_STATUS_TITLES: Record<CellStatus, string> = {
  met: 'Met',
  finding: 'Finding',
  'not-checked': 'Not checked',
  verified: 'Verified in account',
  aws: 'AWS',
  'n/a': 'Not applicable',
  unknown: 'Type not in knowledge base',
};

export interface MatrixFinding {
  ruleId: string;
  severity: string;
  message: string;
  /** 1-based. */
  line: number;
  range: Range;
}

export interface MatrixCell {
  layer: Layer;
  /** Null when the layer does not apply or the type is unknown. */
  owner: Owner | null;
  status: CellStatus;
  /** Rules that check this layer for this resource. */
  rules: string[];
  findings: MatrixFinding[];
  why: string;
}

export interface MatrixRow {
  address: string;
  type: string;
  format: 'terraform' | 'cloudformation';
  service: string;
  serviceName: string;
  /** Absolute path (engine identity). */
  file: string;
  /** Path shown to people (relative to the working folder). */
  displayFile: string;
  /** 1-based line of the resource header. */
  line: number;
  range: Range;
  /** Customer-side team from `.demarc.yaml` owners. */
  team?: string;
  known: boolean;
  line1: string;
  cells: MatrixCell[];
  findingCount: number;
}

/** The connected account's posture, shown as the matrix's account row (controls no resource in code carries). */
export interface MatrixAccount {
  account: string;
  arn: string;
  region: string;
  checkedAt: string;
  facts: { title: string; known: boolean; text: string }[];
  issues: { severity: string; title: string; detail: string; control: string }[];
}

export interface MatrixData {
  title: string;
  account?: MatrixAccount;
  generatedAt: string;
  roots: string[];
  layers: { id: Layer; title: string }[];
  rows: MatrixRow[];
  counts: {
    resources: number;
    findings: number;
    cells: Record<CellStatus, number>;
    byOwner: Record<Owner, number>;
    unowned: number;
  };
  /** Addresses (with file) of resources no owners entry matched; empty when no owners are configured. */
  unowned: { address: string; displayFile: string; line: number }[];
  ownersConfigured: boolean;
  teams: string[];
  services: { id: string; name: string }[];
  files: string[];
}

/** Layers where some resource type gives the customer a part: the matrix's columns. */
export function matrixLayers(): Layer[] {
  const relevant = new Set<Layer>();
  for (const e of allResourceResponsibilities()) for (const l of LAYERS) if (e.layers[l].applies && e.layers[l].owner !== 'aws') relevant.add(l);
  return LAYERS.filter((l) => relevant.has(l));
}

export interface MatrixInput {
  explanation: ResourceExplanation;
  format: 'terraform' | 'cloudformation';
  file: string;
  displayFile: string;
  range: Range;
  team?: string;
}

function cellsFor(e: ResourceExplanation, layers: Layer[]): MatrixCell[] {
  return layers.map((layer) => {
    const card = e.layers.find((l) => l.layer === layer);
    if (card) {
      const status: CellStatus = card.status === 'not-met' ? 'finding' : card.status === 'verified-in-account' ? 'verified' : card.status;
      return {
        layer,
        owner: card.owner,
        status,
        rules: card.rules,
        findings: card.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.line, range: f.range })),
        why: card.why,
      };
    }
    const aws = e.awsLayers.find((l) => l.layer === layer);
    if (aws) return { layer, owner: 'aws', status: 'aws', rules: [], findings: [], why: aws.why };
    if (!e.known) return { layer, owner: null, status: 'unknown', rules: [], findings: [], why: 'Demarc does not know this type yet.' };
    return { layer, owner: null, status: 'n/a', rules: [], findings: [], why: 'Does not apply to this resource.' };
  });
}

export function buildMatrix(inputs: MatrixInput[], meta: { title?: string; roots: string[]; generatedAt?: string; ownersConfigured: boolean }, layers: Layer[] = matrixLayers()): MatrixData {
  const rows: MatrixRow[] = inputs.map((i) => {
    const e = i.explanation;
    const row: MatrixRow = {
      address: e.resource?.address ?? e.type,
      type: e.type,
      format: i.format,
      service: e.service ?? 'unknown',
      serviceName: e.serviceName ?? 'Unknown service',
      file: i.file,
      displayFile: i.displayFile,
      line: i.range.start.line + 1,
      range: i.range,
      known: e.known,
      line1: e.line,
      cells: cellsFor(e, layers),
      findingCount: e.layers.reduce((n, l) => n + l.findings.length, 0) + e.otherFindings.length,
    };
    if (i.team) row.team = i.team;
    return row;
  });
  rows.sort((a, b) => a.displayFile.localeCompare(b.displayFile) || a.line - b.line || a.address.localeCompare(b.address));
  const cells = { met: 0, finding: 0, 'not-checked': 0, verified: 0, aws: 0, 'n/a': 0, unknown: 0 } as Record<CellStatus, number>;
  const byOwner = { aws: 0, customer: 0, shared: 0 } as Record<Owner, number>;
  for (const r of rows)
    for (const c of r.cells) {
      cells[c.status]++;
      if (c.owner) byOwner[c.owner]++;
    }
  const unowned = meta.ownersConfigured ? rows.filter((r) => !r.team).map((r) => ({ address: r.address, displayFile: r.displayFile, line: r.line })) : [];
  const services = new Map<string, string>();
  for (const r of rows) services.set(r.service, r.serviceName);
  return {
    title: meta.title ?? 'Demarc responsibility matrix',
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    roots: meta.roots,
    layers: layers.map((id) => ({ id, title: LAYER_TITLES[id] })),
    rows,
    counts: { resources: rows.length, findings: rows.reduce((n, r) => n + r.findingCount, 0), cells, byOwner, unowned: unowned.length },
    unowned,
    ownersConfigured: meta.ownersConfigured,
    teams: [...new Set(rows.map((r) => r.team).filter((t): t is string => !!t))].sort(),
    services: [...services].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    files: [...new Set(rows.map((r) => r.displayFile))].sort(),
  };
}
