// Responsibility-matrix reports: one data model, three renderings (HTML, Markdown, JSON). Editor-neutral.
export * from './matrix';
export { matrixFromAnalysis, matrixFromInputs, matrixInputsOfUnit, matrixMeta, teamFor, resourceTags, type FromAnalysisOptions } from './from-analysis';
export { matrixFromReport } from './from-report';
export { renderMatrixFragment, matrixFragmentLines, matrixTableRow, matrixRowFindings, ROW_INDEX, FILTER_SCRIPT, WEBVIEW_SCRIPT, esc, type TableOptions } from './table';
export { renderMatrixHtml, renderMatrixHtmlChunks } from './html';
export { renderMatrixMarkdown, renderMatrixMarkdownChunks, markdownTableLine, markdownFindingLines } from './markdown';
export { REPORT_CSS } from './styles';

import { mapEach, type MatrixData, type MatrixRow, type MatrixView } from './matrix';

export function renderMatrixJson(data: MatrixData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * renderMatrixJson's text, byte for byte, in pieces: a row at a time, so a workspace of 20,000 resources (a 450 MB
 * report) is written without holding the whole text, or JSON.stringify's buffers for it, in memory.
 */
/** A row as the JSON report writes it, indented for its place in the rows array. */
export function matrixRowJson(row: MatrixRow): string {
  // Stringified two arrays deep, the row comes out with the report's indentation already: one copy fewer than
  // re-indenting it with a replace, which showed in the profile of a 450 MB report.
  const text = JSON.stringify([[row]], null, 2);
  return text.slice(OPEN.length, text.length - CLOSE.length);
}
const OPEN = '[\n  [\n    ';
const CLOSE = '\n  ]\n]';


export function* renderMatrixJsonChunks(data: MatrixView): Generator<string> {
  const record = data as unknown as Record<string, unknown>;
  // The keys JSON.stringify writes, in its order: own enumerable keys whose values are not undefined or functions.
  const keys = Object.keys(record).filter((k) => record[k] !== undefined && typeof record[k] !== 'function');
  const nested = (v: unknown, indent: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const comma = i < keys.length - 1 ? ',' : '';
    const v = record[k];
    if (k === 'rows' && data.rows.length > 0) {
      yield '  "rows": [\n';
      let j = 0;
      const texts = data.rows.pieces?.('json') ?? mapEach(data.rows, matrixRowJson);
      for (const text of texts) yield `    ${text}${++j < data.rows.length ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else yield `  ${JSON.stringify(k)}: ${nested(v, '  ')}${comma}\n`;
  }
  yield '}\n';
}
