// Responsibility-matrix reports: one data model, three renderings (HTML, Markdown, JSON). Editor-neutral.
export * from './matrix';
export { matrixFromAnalysis, matrixFromInputs, matrixInputsOfUnit, teamFor, resourceTags, type FromAnalysisOptions } from './from-analysis';
export { matrixFromReport } from './from-report';
export { renderMatrixFragment, FILTER_SCRIPT, WEBVIEW_SCRIPT, esc, type TableOptions } from './table';
export { renderMatrixHtml } from './html';
export { renderMatrixMarkdown } from './markdown';
export { REPORT_CSS } from './styles';

import type { MatrixData } from './matrix';

export function renderMatrixJson(data: MatrixData): string {
  return JSON.stringify(data, null, 2) + '\n';
}
