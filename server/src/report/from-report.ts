// Builds the matrix from the language server's `demarc/report` answer, for the editor webview. Kept here (not in
// the client) so it is editor-neutral and testable without VS Code.
import type { ReportResource, ReportResult } from '../shared/protocol';
import type { ResourceExplanation } from '../engine/responsibility/explain';
import { buildMatrix, type MatrixData, type MatrixInput } from './matrix';

/** A row for a resource the server sent without a card (type outside the knowledge base). */
function unknownExplanation(r: ReportResource): ResourceExplanation {
  return {
    resource: { address: r.address, type: r.type, name: r.address, file: r.uri, format: r.format },
    type: r.type,
    known: false,
    line: `No responsibility card for ${r.type}.`,
    layers: [],
    awsLayers: [],
    notApplicable: [],
    counts: { met: 0, 'not-met': 0, 'not-checked': 0, 'verified-in-account': 0 },
    otherFindings: r.findings.filter((f) => !f.suppressed).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.uri, line: f.range.start.line + 1, range: f.range })),
    suppressed: r.findings.filter((f) => f.suppressed).length,
    links: [],
  };
}

function isExplanation(v: unknown): v is ResourceExplanation {
  return typeof v === 'object' && v !== null && Array.isArray((v as ResourceExplanation).layers) && typeof (v as ResourceExplanation).type === 'string';
}

/** `relative` turns a file URI into the path shown to people (workspace-relative). */
export function matrixFromReport(result: ReportResult, relative: (uri: string) => string): MatrixData {
  const inputs: MatrixInput[] = result.resources.map((r) => {
    const explanation = isExplanation(r.responsibility) ? r.responsibility : unknownExplanation(r);
    const input: MatrixInput = { explanation, format: r.format, file: r.uri, displayFile: relative(r.uri), range: r.range };
    if (explanation.owner) input.team = explanation.owner;
    return input;
  });
  return buildMatrix(inputs, {
    title: 'Responsibility matrix',
    roots: result.roots.map(relative),
    generatedAt: result.generatedAt,
    ownersConfigured: inputs.some((i) => i.team !== undefined),
  });
}
