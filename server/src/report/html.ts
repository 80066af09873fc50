// The self-contained HTML report: one file, no external assets, a strict CSP that allows exactly its own
// inline style and script (by hash), so it is safe to open from a CI artifact or a code review.
import { createHash } from 'node:crypto';
import type { MatrixData, MatrixView } from './matrix';
import { FILTER_SCRIPT, esc, matrixFragmentLines } from './table';
import { REPORT_CSS } from './styles';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function renderMatrixHtml(data: MatrixData): string {
  return [...renderMatrixHtmlChunks(data)].join('');
}

/** renderMatrixHtml's text in pieces (a table row each), so a large report is written without holding it whole. */
export function* renderMatrixHtmlChunks(data: MatrixView): Generator<string> {
  const csp = [`default-src 'none'`, `style-src ${sha256(REPORT_CSS)}`, `script-src ${sha256(FILTER_SCRIPT)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(data.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(data.title)}</h1>
<p class="meta">Generated ${esc(data.generatedAt)} by Demarc · ${esc(data.roots.join(', '))} · where AWS's security duties end and yours begin</p>
</header>
<main>
`;
  let first = true;
  for (const line of matrixFragmentLines(data, { interactive: 'report' })) {
    yield first ? line : `\n${line}`;
    first = false;
  }
  yield `
</main>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}
