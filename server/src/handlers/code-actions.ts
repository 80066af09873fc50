// Code actions keyed by diagnostic.data (never message text): the rule's fix, "suppress for this resource",
// fix-all, and the rule page. Edits are computed in codeAction/resolve, against the analysis of the exact version.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix } from '../engine/types';
import type { AnalysisEntry } from '../lsp/analysis';
import { fingerprint, fixToWorkspaceEdit, nonOverlappingFixes, overriddenSeverity, SOURCE, toChangesEdit, type EditTarget } from '../lsp/convert';
import { resourceOf } from '../lsp/locate';
import { suppressionFix } from '../lsp/suppress-edit';
import { APPLY_FIX_COMMAND, SHOW_RULE_DOCS_COMMAND, type DiagnosticData, type FixCommandArgs } from '../shared/protocol';
import type { ServerDeps } from './deps';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.demarc`;

/** What a lazily resolved action remembers. */
export interface ActionData {
  action: 'fix' | 'suppress' | 'fixAll';
  uri: string;
  version: number;
  fingerprint?: string;
  ruleId?: string;
}

export function register(connection: Connection, deps: ServerDeps): void {
  connection.onCodeAction((params) =>
    deps.guard<CodeAction[]>('codeAction', [], async () => {
      const doc = deps.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
      const actions: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        const data = demarcData(d, doc.uri);
        if (!data) continue;
        const version = data.version ?? doc.version;
        if (data.fixable && wants(CodeActionKind.QuickFix)) {
          const fix = await findFix(deps, data, version);
          actions.push({
            title: fix?.title ?? `Fix ${data.ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: true,
            data: { action: 'fix', uri: data.uri, version, fingerprint: data.fingerprint, ruleId: data.ruleId } satisfies ActionData,
          });
        }
        if (wants(CodeActionKind.QuickFix)) {
          actions.push({
            title: `Suppress ${data.ruleId} for this resource`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            data: { action: 'suppress', uri: data.uri, version, fingerprint: data.fingerprint, ruleId: data.ruleId } satisfies ActionData,
          });
          actions.push({
            title: `Show documentation for ${data.ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            command: { title: 'Show rule documentation', command: SHOW_RULE_DOCS_COMMAND, arguments: [data.ruleId, deps.engine.ruleHelpUri(data.ruleId)] },
          });
        }
      }
      // Fix-all is offered when asked for explicitly (codeActionsOnSave) or when a fixable Demarc diagnostic is in view.
      const explicitFixAll = !!only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.'));
      const anyFixable = params.context.diagnostics.some((d) => demarcData(d, doc.uri)?.fixable);
      if (explicitFixAll || (anyFixable && wants(FIX_ALL_KIND))) {
        actions.push({
          title: 'Fix all auto-fixable Demarc problems',
          kind: FIX_ALL_KIND,
          data: { action: 'fixAll', uri: doc.uri, version: doc.version } satisfies ActionData,
        });
      }
      // Clients that cannot resolve lazily (and on-save fix-all, which must not wait for a round trip) get edits now.
      if (!deps.support.resolveEdit || explicitFixAll) {
        for (let i = 0; i < actions.length; i++) {
          const a = actions[i]!;
          if (a.data && (!deps.support.resolveEdit || a.kind === FIX_ALL_KIND)) actions[i] = await resolveAction(deps, a);
        }
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve((action) => deps.guard<CodeAction>('codeAction/resolve', action, () => resolveAction(deps, action)));

  connection.onExecuteCommand((params) =>
    deps.guard<unknown>('executeCommand', null, async () => {
      if (params.command !== APPLY_FIX_COMMAND) return null;
      const args = params.arguments?.[0] as FixCommandArgs | undefined;
      if (!args) return null;
      const resolved = await resolveAction(deps, { title: 'Apply fix', data: { action: 'fix', uri: args.uri, version: args.version, fingerprint: args.fingerprint } satisfies ActionData });
      if (!resolved.edit) {
        connection.window.showWarningMessage(resolved.disabled?.reason ?? 'Demarc: this fix is no longer available.');
        return null;
      }
      const applied = await connection.workspace.applyEdit({ label: resolved.title, edit: resolved.edit });
      return applied.applied;
    }),
  );
}

/** A Demarc diagnostic's data, with the rule id (its `code`) and the document it was reported for. */
type DiagnosticRef = DiagnosticData & { ruleId: string; uri: string };

function demarcData(d: Diagnostic, uri: string): DiagnosticRef | undefined {
  if (d.source !== SOURCE || !d.data || typeof d.data !== 'object' || typeof d.code !== 'string') return undefined;
  const data = d.data as Partial<DiagnosticData>;
  if (typeof data.fingerprint !== 'string') return undefined;
  return { ...(data as DiagnosticData), ruleId: d.code, uri };
}

/** The finding a diagnostic or action stands for: its fingerprint, in that file. */
function isFinding(f: Finding, path: string, fp: string | undefined): boolean {
  return f.file === path && fingerprint(f) === fp;
}

async function findFix(deps: ServerDeps, data: DiagnosticRef, version: number): Promise<Fix | undefined> {
  const path = deps.uris.remember(data.uri);
  if (path === undefined) return undefined;
  for (const entry of deps.analysis.allEntries()) {
    if ((entry.versions.get(path) ?? version) !== version) continue;
    const f = entry.result.findings.find((x) => isFinding(x, path, data.fingerprint));
    if (f) return f.fix;
  }
  return undefined;
}

/** Refuses an action: `disabled` with the reason for clients that show it, otherwise just no edit. */
function refuse(deps: ServerDeps, action: CodeAction, reason: string): CodeAction {
  const { edit: _edit, ...rest } = action;
  return deps.support.disabledActions ? { ...rest, disabled: { reason } } : rest;
}

/** Computes the edit of an action, or marks it disabled when the document moved since the diagnostic. */
export async function resolveAction(deps: ServerDeps, action: CodeAction): Promise<CodeAction> {
  const data = action.data as ActionData | undefined;
  if (!data || typeof data.uri !== 'string') return action;
  const doc = deps.documents.get(data.uri);
  const path = deps.uris.remember(data.uri);
  if (!doc || path === undefined) return refuse(deps, action, 'The document is no longer open.');
  if (doc.version !== data.version) return refuse(deps, action, 'The document changed since this problem was reported; wait for the updated diagnostics.');
  const entries = (await deps.analysis.freshAll(path)).filter((e) => e.versions.get(path) === doc.version);
  // The finding may come from a unit calling this folder as a module; the file's own unit is last.
  // Fix-all follows the published diagnostics, which are the first entry's (a caller's, when there is one).
  const entry = data.action === 'fixAll' ? entries[0] : entries.find((e) => e.result.findings.some((f) => isFinding(f, path, data.fingerprint))) ?? entries[entries.length - 1];
  if (!entry) return refuse(deps, action, 'The document changed while the fix was being prepared.');

  let fixes: Fix[] = [];
  if (data.action === 'fixAll') {
    const candidates = entry.result.findings.filter(
      (f) => f.file === path && !f.suppressedBy && f.fix && f.fix.edits.length && overriddenSeverity(f, entry.settings.severityOverrides) !== undefined,
    );
    fixes = nonOverlappingFixes(candidates.map((f) => f.fix!));
    if (fixes.length === 0) return refuse(deps, action, 'No automatic fixes for this document.');
  } else {
    const finding = entry.result.findings.find((f) => isFinding(f, path, data.fingerprint));
    if (!finding) return refuse(deps, action, 'This problem is gone from the latest analysis.');
    if (data.action === 'fix') {
      if (!finding.fix || finding.fix.edits.length === 0) return refuse(deps, action, `${finding.ruleId} has no automatic fix here.`);
      fixes = [finding.fix];
    } else {
      const resource = resourceOf(entry.result, finding);
      const file = resource && entry.result.files.find((f) => f.path === resource.file);
      const fix = resource && file ? suppressionFix(resource, file, finding.ruleId) : undefined;
      if (!fix) return refuse(deps, action, 'This file format has no suppression comment; exclude the rule in .demarc.yaml instead.');
      fixes = [fix];
    }
  }
  const edit = toWorkspaceEdit(deps, entry, fixes);
  if (!edit) return refuse(deps, action, 'The fix touches a file that is not part of this analysis.');
  return { ...action, edit };
}

function toWorkspaceEdit(deps: ServerDeps, entry: AnalysisEntry, fixes: Fix[]): WorkspaceEdit | undefined {
  const target = (p: string): EditTarget | undefined => {
    const file = entry.result.files.find((f) => f.path === p);
    if (!file) return undefined;
    const version = entry.versions.get(p);
    return { uri: deps.uris.uri(p), file, version: version ?? null };
  };
  const edit = fixToWorkspaceEdit(fixes, target);
  if (!edit) return undefined;
  return deps.support.documentChanges ? edit : toChangesEdit(edit);
}
