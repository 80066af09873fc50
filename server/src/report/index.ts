// Responsibility-matrix reports: one data model, three renderings (HTML, Markdown, JSON). Editor-neutral.
export * from './matrix';
export { matrixFromAnalysis, matrixFromInputs, matrixInputsOfUnit, teamFor, resourceTags, type FromAnalysisOptions } from './from-analysis';
export { matrixFromReport } from './from-report';
export { renderMatrixFragment, matrixFragmentLines, FILTER_SCRIPT, WEBVIEW_SCRIPT, esc, type TableOptions } from './table';
export { renderMatrixHtml, renderMatrixHtmlChunks } from './html';
export { renderMatrixMarkdown } from './markdown';
export { REPORT_CSS } from './styles';

import type { MatrixData } from './matrix';

export function renderMatrixJson(data: MatrixData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * renderMatrixJson's text, byte for byte, in pieces: a row at a time, so a workspace of 20,000 resources (a 450 MB
 * report) is written without holding the whole text, or JSON.stringify's buffers for it, in memory.
 */
export function* renderMatrixJsonChunks(data: MatrixData): Generator<string> {
  const record = data as unknown as Record<string, unknown>;
  // The keys JSON.stringify writes, in its order: own enumerable keys whose values are not undefined or functions.
  const keys = Object.keys(record).filter((k) => record[k] !== undefined && typeof record[k] !== 'function');
  const nested = (v: unknown, indent: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const comma = i < keys.length - 1 ? ',' : '';
    const v = record[k];
    if (k === 'rows' && Array.isArray(v) && v.length > 0) {
      yield '  "rows": [\n';
      for (let j = 0; j < v.length; j++) yield `    ${nested(v[j] ?? null, '    ')}${j < v.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else yield `  ${JSON.stringify(k)}: ${nested(v, '  ')}${comma}\n`;
  }
  yield '}\n';
}
