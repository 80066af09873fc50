// Workspace-wide features: the scan (on start, on request, with cancellable progress), file watching, settings
// changes, and the report / explain requests the client's views use.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, type Connection, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { SourceFile, SourceResource } from '../engine/source';
import type { AnalysisEntry } from '../lsp/analysis';
import { findingsOn, resourceAt } from '../lsp/locate';
import { hoverAt } from '../lsp/hover-content';
import {
  ExplainRequest,
  ReportRequest,
  ScanWorkspaceRequest,
  type ExplainParams,
  type ExplainResult,
  type ReportFinding,
  type ReportParams,
  type ReportResource,
  type ReportResult,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
  type StatusCounts,
} from '../shared/protocol';
import { overriddenSeverity } from '../lsp/convert';
import { uriToPath } from '../lsp/uri';
import type { ServerDeps } from './deps';

export const WATCHED_GLOBS = ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json', '**/*.{yaml,yml,json,template}', '**/.demarc.{yaml,yml}'];

export function register(connection: Connection, deps: ServerDeps, options: { scanOnStart: boolean; onInitialized?: () => void }): void {
  let currentScan: { cancel(): void } | undefined;

  const runScan = async (reporter: WorkDoneProgressReporter | undefined, folders: string[] | undefined, cancelledByClient: () => boolean): Promise<ScanWorkspaceResult> => {
    currentScan?.cancel();
    let superseded = false;
    const mine = { cancel: () => (superseded = true) };
    currentScan = mine;
    const roots = folders?.length ? folders.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined) : deps.roots();
    reporter?.begin('Demarc: scanning workspace', 0, 'discovering files', true);
    try {
      return await deps.analysis.scan(
        roots,
        (pct, msg) => reporter?.report(pct, msg),
        () => superseded || cancelledByClient(),
      );
    } finally {
      reporter?.done();
      if (currentScan === mine) currentScan = undefined;
    }
  };

  connection.onRequest(ScanWorkspaceRequest.method, (params: ScanWorkspaceParams, token) =>
    deps.guard<ScanWorkspaceResult | null>('demarc/scanWorkspace', null, async () => {
      // A client-provided token (workDoneToken) reports there; otherwise the server creates its own progress.
      let reporter: WorkDoneProgressReporter | undefined;
      if (params?.workDoneToken !== undefined) reporter = connection.window.attachWorkDoneProgress(params.workDoneToken);
      else if (deps.support.workDoneProgress) reporter = await connection.window.createWorkDoneProgress();
      const cancelled = () => token.isCancellationRequested || isCancelled(reporter);
      return runScan(reporter, params?.folders, cancelled);
    }),
  );

  connection.onRequest(ReportRequest.method, (params: ReportParams) => deps.guard<ReportResult | null>('demarc/report', null, () => buildReport(deps, params ?? {})));

  connection.onRequest(ExplainRequest.method, (params: ExplainParams) =>
    deps.guard<ExplainResult>('demarc/explain', {}, async () => {
      const path = deps.uris.remember(params.textDocument.uri);
      if (path === undefined) return {};
      // Callers of a local module first (they know its inputs), then the file's own unit.
      let found: { entry: AnalysisEntry; file: SourceFile; resource: SourceResource } | undefined;
      for (const entry of await deps.analysis.freshAll(path)) {
        const file = entry.result.files.find((f) => f.path === path);
        const resource = file && resourceAt(entry.result, path, file.lines.offsetAt(params.position));
        if (file && resource) {
          found = { entry, file, resource };
          break;
        }
      }
      if (!found) return {};
      const { entry, file, resource } = found;
      const hit = hoverAt(entry.result, path, resource.headerSpan.start, { engine: deps.engine, uriOf: (p) => deps.uris.uri(p), onError: (m) => connection.console.error(`[demarc/explain] ${m}`) });
      const result: ExplainResult = {
        resource: { address: resource.address, type: resource.type, uri: deps.uris.uri(resource.file), range: file.lines.rangeOf(resource.headerSpan.start, resource.headerSpan.end) },
      };
      if (hit) result.markdown = hit.markdown;
      const data = deps.engine.explain?.resourceData?.(resource, findingsOn(entry.result, resource).filter((f) => !f.suppressedBy), (p) => entry.result.files.find((f) => f.path === p)?.lines, entry.result);
      if (data !== undefined) result.explanation = data;
      return result;
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    deps.guard('didChangeWatchedFiles', undefined, async () => {
      const paths: string[] = [];
      for (const c of params.changes) {
        const p = uriToPath(c.uri);
        if (p !== undefined && deps.host.allowed(p)) paths.push(p);
        if (p !== undefined && c.type === FileChangeType.Deleted) deps.uris.forget(p);
      }
      if (paths.length === 0) return;
      const s = await deps.settings.get(paths[0]!);
      deps.analysis.filesChanged(paths, s.analysis.debounceMs);
    }),
  );

  connection.onDidChangeConfiguration((params) =>
    deps.guard('didChangeConfiguration', undefined, () => {
      deps.settings.changed(params.settings);
      deps.analysis.settingsChanged();
    }),
  );

  connection.onInitialized(() =>
    deps.guard('initialized', undefined, async () => {
      options.onInitialized?.();
      if (deps.support.watchedFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
      }
      if (!deps.support.configuration) {
        // Push-only clients get settings with this registration.
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'demarc' }).catch(() => undefined);
      }
      if (!options.scanOnStart || deps.roots().length === 0) return;
      // Let the first didOpen notifications (sent right after `initialized`) be analyzed before the scan starts.
      await new Promise((r) => setTimeout(r, 50));
      const reporter = deps.support.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      await runScan(reporter, undefined, () => isCancelled(reporter));
    }),
  );
}

function isCancelled(reporter: WorkDoneProgressReporter | undefined): boolean {
  const r = reporter as { token?: { isCancellationRequested: boolean } } | undefined;
  return !!r?.token?.isCancellationRequested;
}

async function buildReport(deps: ServerDeps, params: ReportParams): Promise<ReportResult> {
  const wanted = params.uris?.length ? new Set(params.uris.map((u) => uriToPath(u)).filter(Boolean)) : undefined;
  const counts: StatusCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
  const resources: ReportResource[] = [];
  const problems: ReportResult['problems'] = [];
  const seen = new Set<string>();
  for (const stored of deps.analysis.allEntries()) {
    // Units without open documents keep no models once published: the report analyzes them again, one at a time.
    // The report shows whether a finding is fixable, never the edits: they are not written.
    const entry = await deps.analysis.full(stored, false);
    const files = new Map<string, SourceFile>(entry.result.files.map((f) => [f.path, f]));
    for (const r of entry.result.sourceResources) {
      if (r.mode !== 'resource' || (wanted && !wanted.has(r.file))) continue;
      const key = `${r.file}#${r.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const file = files.get(r.file);
      if (!file) continue;
      const found = findingsOn(entry.result, r);
      const findings: ReportFinding[] = [];
      for (const f of found) {
        const sev = overriddenSeverity(f, entry.settings.severityOverrides);
        if (sev === undefined) continue;
        const ff = files.get(f.file);
        const meta = deps.engine.ruleMeta(f.ruleId);
        const rf: ReportFinding = {
          ruleId: f.ruleId,
          severity: sev,
          title: meta?.title ?? f.ruleId,
          message: f.message,
          uri: deps.uris.uri(f.file),
          range: ff ? ff.lines.rangeOf(f.span.start, f.span.end) : f.range,
          fixable: (!!f.fix && f.fix.edits.length > 0) || f.fixOmitted === true,
        };
        if (meta?.responsibility?.layer) rf.layer = meta.responsibility.layer;
        if (f.suppressedBy) {
          rf.suppressed = { tool: f.suppressedBy.tool };
          if (f.suppressedBy.reason) rf.suppressed.reason = f.suppressedBy.reason;
          if (f.suppressedBy.until) rf.suppressed.until = f.suppressedBy.until;
        } else {
          counts[sev]++;
          counts.total++;
        }
        findings.push(rf);
      }
      const rr: ReportResource = {
        address: r.address,
        type: r.type,
        format: r.format,
        uri: deps.uris.uri(r.file),
        range: file.lines.rangeOf(r.headerSpan.start, r.headerSpan.end),
        findings,
      };
      try {
        const data = deps.engine.explain?.resourceData?.(r, found.filter((f) => !f.suppressedBy), (p) => files.get(p)?.lines, entry.result);
        if (data !== undefined) rr.responsibility = data;
      } catch {
        // A card that fails to build leaves the row without responsibility data; the findings still show.
      }
      resources.push(rr);
    }
    for (const p of entry.result.problems) {
      if (wanted && !wanted.has(p.file)) continue;
      const f = files.get(p.file);
      const range = p.range ?? (p.span && f ? f.lines.rangeOf(p.span.start, p.span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      problems.push({ uri: deps.uris.uri(p.file), range, code: p.code, message: p.message });
    }
  }
  return { generatedAt: new Date().toISOString(), roots: deps.roots().map((r) => deps.uris.uri(r)), resources, counts, problems };
}
