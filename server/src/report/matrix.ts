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

/** The rows of a matrix as its renderers read them: an array, or rows read back one at a time (`demarc report`). */
export interface MatrixRows extends Iterable<MatrixRow> {
  readonly length: number;
  /**
   * Each row's part of one rendering, made where the row was made (`demarc report`'s worker threads) and read
   * back instead of the row; undefined when the rows hold another rendering. '' for a row with nothing there.
   */
  pieces?(part: RowPiece): Iterable<string> | undefined;
}

/**
 * The parts of a rendering made row by row: the JSON report's row (matrixRowJson), the HTML table row and findings
 * entry (matrixTableRow, matrixRowFindings, with ROW_INDEX for the index), the Markdown table line and findings lines.
 */
export type RowPiece = 'json' | 'html-row' | 'html-findings' | 'md-row' | 'md-findings';

/** MatrixData whose rows need not all be in memory at once: what the renderers take. */
export type MatrixView = Omit<MatrixData, 'rows'> & { rows: MatrixRows };

export interface MatrixMeta {
  title?: string;
  roots: string[];
  generatedAt?: string;
  ownersConfigured: boolean;
}

/** `f` of each item, lazily: renderers walk rows this way whether they are an array or read back from a spool. */
export function* mapEach<T, U>(items: Iterable<T>, f: (t: T, i: number) => U): Generator<U> {
  let i = 0;
  for (const t of items) yield f(t, i++);
}

/** One resource's row. */
export function matrixRow(i: MatrixInput, layers: Layer[]): MatrixRow {
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
}

/** What the summary needs of a row: enough to sort rows and list files, services, teams and unowned resources. */
export type RowKey = Pick<MatrixRow, 'address' | 'displayFile' | 'line' | 'service' | 'serviceName' | 'team'>;

/** The matrix's row order: file, line, address. */
export function compareRows(a: RowKey, b: RowKey): number {
  return a.displayFile.localeCompare(b.displayFile) || a.line - b.line || a.address.localeCompare(b.address);
}

/** Counts over rows, added up row by row (and unit by unit, then merged, when rows are not all kept). */
export interface MatrixTally {
  resources: number;
  findings: number;
  cells: Record<CellStatus, number>;
  byOwner: Record<Owner, number>;
}

export function emptyTally(): MatrixTally {
  return { resources: 0, findings: 0, cells: { met: 0, finding: 0, 'not-checked': 0, verified: 0, aws: 0, 'n/a': 0, unknown: 0 }, byOwner: { aws: 0, customer: 0, shared: 0 } };
}

export function tallyRow(t: MatrixTally, r: MatrixRow): void {
  t.resources++;
  t.findings += r.findingCount;
  for (const c of r.cells) {
    t.cells[c.status]++;
    if (c.owner) t.byOwner[c.owner]++;
  }
}

export function mergeTally(into: MatrixTally, t: MatrixTally): void {
  into.resources += t.resources;
  into.findings += t.findings;
  for (const k of Object.keys(t.cells) as CellStatus[]) into.cells[k] += t.cells[k];
  for (const k of Object.keys(t.byOwner) as Owner[]) into.byOwner[k] += t.byOwner[k];
}

/**
 * The matrix around `rows`: `keys` are the rows' keys in row order (the rows themselves, or a lighter index of
 * them), `tally` their counts. The keys come out in the order JSON.stringify writes them; renderers rely on it.
 */
export function matrixView<R extends MatrixRows>(rows: R, keys: Iterable<RowKey>, tally: MatrixTally, meta: MatrixMeta, layers: Layer[]): Omit<MatrixData, 'rows'> & { rows: R } {
  const unowned: MatrixData['unowned'] = [];
  const services = new Map<string, string>();
  const teams = new Set<string>();
  const files = new Set<string>();
  for (const r of keys) {
    if (meta.ownersConfigured && !r.team) unowned.push({ address: r.address, displayFile: r.displayFile, line: r.line });
    services.set(r.service, r.serviceName);
    if (r.team) teams.add(r.team);
    files.add(r.displayFile);
  }
  return {
    title: meta.title ?? 'Demarc responsibility matrix',
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    roots: meta.roots,
    layers: layers.map((id) => ({ id, title: LAYER_TITLES[id] })),
    rows,
    counts: { resources: tally.resources, findings: tally.findings, cells: tally.cells, byOwner: tally.byOwner, unowned: unowned.length },
    unowned,
    ownersConfigured: meta.ownersConfigured,
    teams: [...teams].sort(),
    services: [...services].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    files: [...files].sort(),
  };
}

export function buildMatrix(inputs: MatrixInput[], meta: MatrixMeta, layers: Layer[] = matrixLayers()): MatrixData {
  const rows = inputs.map((i) => matrixRow(i, layers));
  rows.sort(compareRows);
  const tally = emptyTally();
  for (const r of rows) tallyRow(tally, r);
  return matrixView(rows, rows, tally, meta, layers);
}
