// One analyzed unit turned into its rows of `demarc report`'s matrix, where the unit was analyzed (a worker thread
// or the main thread): each row as JSON with its sort key, the unit's counts, files and problems. Models and
// explanations stay where they were made, so the main thread holds only keys and counts.
import type { UnitResult } from '../engine/analyze';
import { accountFactsForLayer } from '../engine/account/apply';
import { LAYER_TITLES, type Layer } from '../engine/responsibility/types';
import type { FileKind } from '../engine/source';
import type { Problem } from '../engine/types';
import { emptyTally, markdownFindingLines, markdownTableLine, matrixInputsOfUnit, matrixRow, matrixRowFindings, matrixRowJson, matrixTableRow, ROW_INDEX, tallyRow, type FromAnalysisOptions, type MatrixRow, type MatrixTally, type RowKey } from '../report';
import type { MatrixFormat } from './spooled-rows';
import type { WorkerOptions } from './worker-protocol';

/** What a thread needs, besides the analysis options, to make rows: plain data (sent to the workers). */
export interface MatrixJob {
  /** Paths in the rows are relative to it. */
  cwd: string;
  /** The matrix's columns. */
  layers: Layer[];
  /** The report's format: each row is rendered for it where it is made. */
  format: MatrixFormat;
  /** A team column (owners are configured). */
  withTeam: boolean;
}

export interface MatrixUnit {
  /** Each row's rendered pieces (ROW_PIECES of the format), with its sort key. */
  rows: { pieces: string[]; key: RowKey }[];
  tally: MatrixTally;
  files: { path: string; kind: FileKind }[];
  problems: Problem[];
}

/**
 * The row options of a report judged with these analysis options: rules the project file switched off checked
 * nothing (so their layers must not read "met"), and the connected account's facts fill the layers it verifies.
 */
export function rowOptions(cwd: string, options: WorkerOptions): FromAnalysisOptions {
  const config = options.config;
  const posture = options.account;
  const opts: FromAnalysisOptions = { cwd, roots: [], ruleRan: (id) => config?.rules[id] !== 'off' };
  if (config) opts.config = config;
  if (posture) opts.accountFacts = (type, region) => accountFactsForLayer(posture, type, new Date(), region);
  return opts;
}

export function matrixUnit(r: UnitResult, opts: FromAnalysisOptions, job: MatrixJob): MatrixUnit {
  const tally = emptyTally();
  const rows: MatrixUnit['rows'] = [];
  for (const input of matrixInputsOfUnit(r, opts)) {
    const row = matrixRow(input, job.layers);
    tallyRow(tally, row);
    const key: RowKey = { address: row.address, displayFile: row.displayFile, line: row.line, service: row.service, serviceName: row.serviceName };
    if (row.team !== undefined) key.team = row.team;
    rows.push({ pieces: rowPieces(row, job), key });
  }
  return { rows, tally, files: r.files.map((f) => ({ path: f.path, kind: f.kind })), problems: r.problems };
}

/** The row rendered for the report's format; the HTML pieces hold ROW_INDEX where the row's index goes. */
function rowPieces(row: MatrixRow, job: MatrixJob): string[] {
  if (job.format === 'json') return [matrixRowJson(row)];
  if (job.format === 'html') return [matrixTableRow(row, ROW_INDEX, job.withTeam, { interactive: 'report' }), matrixRowFindings(row, ROW_INDEX, job.layers.map((id) => ({ id, title: LAYER_TITLES[id] })))];
  return [markdownTableLine(row, job.withTeam), markdownFindingLines(row)];
}
