// The editor-side analysis loop: which unit a document belongs to, when to (re)analyze it, result caching by the
// versions it read, and publishing diagnostics for every file of the unit. The engine does the analysis itself.
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { AnalyzeOptions, Unit, UnitResult } from '../engine/analyze';
import type { AccountPosture } from '../engine/account/types';
import { kindFromName } from '../engine/detect';
import type { SourceFile } from '../engine/source';
import type { Finding, Severity } from '../engine/types';
import type { ScanWorkspaceResult, ServerState, StatusCounts, StatusParams } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { findingToDiagnostic, overriddenSeverity, problemToDiagnostic } from './convert';
import type { EnginePort } from './engine-port';
import type { OverlayHost } from './host';
import { isInside, type UriMap } from './uri';
import type { ScanPool } from './scan-pool';
import { Slicer } from './slices';
import { baselineMatcher, parseBaseline, type Baseline } from '../cli/baseline';
import { toEnginePath } from '../host/node-host';

export interface AnalysisSink {
  /**
   * Sends one file's diagnostics. `encoded`, when given, is `params.diagnostics` as JSON made ahead in time slices (a
   * file with thousands of findings): UTF-8 pieces of comma-separated diagnostics, to be joined by commas and put in
   * brackets. A transport may send that instead of serializing the diagnostics again, in one piece.
   */
  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }, encoded?: readonly Uint8Array[]): void;
  log(message: string): void;
  error(message: string): void;
  status(params: StatusParams): void;
}

/** Units whose files add up to this many bytes are analyzed in a worker thread during a workspace scan (about 20 ms of analysis). */
export const SCAN_WORKER_MIN_BYTES = 128 * 1024;

export interface AnalysisServiceOptions {
  engine: EnginePort;
  host: OverlayHost;
  uris: UriMap;
  sink: AnalysisSink;
  settingsFor(path: string): Promise<Settings>;
  /** Workspace folder paths. */
  roots(): string[];
  trusted: boolean;
  /** Worker threads for a workspace scan of this many units, or undefined to analyze in this thread. */
  scanPool?(units: number): ScanPool | undefined;
}

export interface AnalysisEntry {
  unit: Unit;
  /**
   * What the analysis found. For a unit none of whose files is open, only `files` and `problems` are kept once its
   * diagnostics are published (`compact`): the models of a large workspace would otherwise stay in memory (660 MB
   * for 10,000 files) for hovers and code actions that only open documents get. `full()` analyzes such a unit again.
   */
  result: UnitResult;
  /** Set when `result` was reduced to files and problems after publishing (see `result`). */
  compact?: true;
  /** Findings (unsuppressed) and problems of the analysis, counted before any compaction. */
  counts: { findings: number; problems: number };
  /** Versions the analysis read: path → open-document version (files on disk are absent). */
  versions: Map<string, number>;
  /** Cache key: unit identity + versions + disk generation. */
  key: string;
  settings: Settings;
  /** Files this unit publishes diagnostics for. */
  published: Set<string>;
  /** Regions its provider blocks name (kept through compaction): where the account is read too. */
  regions: string[];
  /** The project file's baseline (see demarc.baseline.mode), when it names one that could be read. */
  baseline?: Baseline;
}

interface Contribution {
  /** Open-document version the diagnostics were computed on. */
  version?: number;
  diagnostics: Diagnostic[];
  severities: (Severity | undefined)[];
  /**
   * `diagnostics` as JSON, UTF-8, made while converting a unit with many findings (see ENCODE_MIN_FINDINGS): pieces
   * of comma-separated diagnostics, so the file's array is `[` + the pieces joined by commas + `]`.
   */
  encoded?: Buffer[];
}

/**
 * From this many findings in a unit, each diagnostic is also serialized during the conversion's time slices: sending
 * a file's 5,000 diagnostics (3 MB of JSON) would otherwise serialize them all at once, in one 40 ms stretch.
 */
export const ENCODE_MIN_FINDINGS = 500;
/** Baselines larger than this are not read by the server (parsing one would hold up every request for seconds). */
export const MAX_BASELINE_BYTES = 16 * 1024 * 1024;
/** Diagnostics per piece of encoded JSON (about 140 KB). */
const ENCODE_PIECE = 256;

interface UnitState {
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped by every new request to analyze; a run that finds a newer token stops (a newer version supersedes it). */
  token: number;
  /** Bumped when a file the unit read changed on disk. */
  generation: number;
  entry?: AnalysisEntry;
}

const ZERO_COUNTS: StatusCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };

export function unitKey(unit: Pick<Unit, 'kind' | 'path'>): string {
  return `${unit.kind}:${unit.path}`;
}

export class AnalysisService {
  private readonly units = new Map<string, UnitState>();
  /** path → unit key → what that unit says about the file. */
  private readonly contributions = new Map<string, Map<string, Contribution>>();
  /** path → severities of what is currently published (for status counts). */
  private readonly publishedCounts = new Map<string, { counts: StatusCounts; problems: number }>();
  /** The sums over publishedCounts, kept up to date as files are published (a status is sent every 50 ms of a scan). */
  private readonly totals = { counts: { ...ZERO_COUNTS }, files: 0, problems: 0 };
  private state: ServerState = 'starting';
  private running = 0;
  private scanPercentage: number | undefined;
  private lastError: string | undefined;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Facts of the connected AWS account (never set in an untrusted workspace). */
  private account: AccountPosture | undefined;
  private readonly regionListeners: (() => void)[] = [];
  /** Region → how many units' provider blocks name it (AnalysisEntry.regions of the stored entries). */
  private readonly regionUnits = new Map<string, number>();
  /** Baseline files named by project files, read once (undefined: unusable, and logged once) until they change. */
  private readonly baselines = new Map<string, Baseline | undefined>();

  constructor(private readonly o: AnalysisServiceOptions) {}

  // ---- which unit ----

  /** The unit a file belongs to now (open documents included), or undefined when the file is not ours. */
  unitFor(path: string): Unit | undefined {
    const kind = kindFromName(path);
    if (kind === undefined) return undefined;
    if (kind === 'maybe-cloudformation' || kind === 'cloudformation-yaml' || kind === 'cloudformation-json') {
      const text = this.o.host.readFile(path);
      if (text === undefined || !this.o.engine.detectKind(path, text)) return undefined;
      return { kind: 'cloudformation', path, files: [path] };
    }
    const dir = parentDir(path);
    return this.terraformUnit(dir);
  }

  private terraformUnit(dir: string): Unit | undefined {
    const entries = this.o.host.readDir(dir);
    if (!entries) return undefined;
    const files = entries
      .filter((e) => !e.isDirectory)
      .map((e) => joinPath(dir, e.name))
      .filter((p) => {
        const k = kindFromName(p);
        return k === 'terraform' || k === 'terraform-json';
      })
      .sort();
    // A folder with only .tfvars has no module to evaluate; nothing to report.
    if (files.length === 0) return undefined;
    return { kind: 'terraform', path: dir, files };
  }

  private unitOfKey(key: string): Unit | undefined {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const path = key.slice(colon + 1);
    if (kind === 'terraform') return this.terraformUnit(path);
    return this.unitFor(path);
  }

  // ---- queries ----

  /** The latest analysis covering `path` (its own unit), whatever version it was for. */
  entryFor(path: string): AnalysisEntry | undefined {
    const direct = this.units.get(this.keyFor(path) ?? '')?.entry;
    if (direct) return direct;
    for (const s of this.units.values()) if (s.entry?.published.has(path)) return s.entry;
    return undefined;
  }

  /** Analysis of the current text of `path`: reuses the cached result when nothing it read has changed. */
  async fresh(path: string): Promise<AnalysisEntry | undefined> {
    // A run can be overtaken by a newer one while it waits for settings; then ask again (bounded).
    for (let attempt = 0; attempt < 3; attempt++) {
      const unit = this.unitFor(path);
      if (!unit) return undefined;
      const s = this.units.get(unitKey(unit));
      if (s?.entry && !s.entry.compact && s.entry.key === this.cacheKey(unit, s.entry.result, s.generation)) return s.entry;
      const entry = await this.run(unit, { force: false, keepFull: true });
      if (!entry || entry.versions.get(path) === this.o.host.document(path)?.version) return entry;
    }
    return this.units.get(this.keyFor(path) ?? '')?.entry;
  }

  /**
   * Every current analysis covering `path`: units that call its folder as a local module first (they know the
   * module's inputs, and their findings are the ones published for it), then the file's own unit.
   */
  async freshAll(path: string): Promise<AnalysisEntry[]> {
    const own = await this.fresh(path);
    const ownKey = own ? unitKey(own.unit) : this.keyFor(path);
    const out: AnalysisEntry[] = [];
    for (const [key, s] of [...this.units]) {
      if (key === ownKey || !s.entry?.result.files.some((f) => f.path === path)) continue;
      const unit = this.unitOfKey(key);
      if (!unit) continue;
      let e: AnalysisEntry | undefined = s.entry;
      if (e.compact || e.key !== this.cacheKey(unit, e.result, s.generation)) e = await this.run(unit, { force: false, keepFull: true });
      if (e && e.versions.get(path) === this.o.host.document(path)?.version) out.push(e);
    }
    if (own) out.push(own);
    return out;
  }

  /** The Regions every unit's provider blocks name, sorted. */
  statedRegions(): string[] {
    return [...this.regionUnits.keys()].sort();
  }

  /** Called (after the current turn) when statedRegions() may have changed. */
  onRegionsChanged(listener: () => void): void {
    this.regionListeners.push(listener);
  }

  /** One unit's stored entry went from naming `before` to naming `after`; listeners hear when the set of Regions changes. */
  private recountRegions(before: readonly string[], after: readonly string[]): void {
    let changed = false;
    for (const r of after) {
      const n = this.regionUnits.get(r) ?? 0;
      this.regionUnits.set(r, n + 1);
      if (n === 0) changed = true;
    }
    for (const r of before) {
      const n = (this.regionUnits.get(r) ?? 1) - 1;
      if (n > 0) this.regionUnits.set(r, n);
      else {
        this.regionUnits.delete(r);
        changed = true;
      }
    }
    if (changed) for (const l of this.regionListeners) setImmediate(l);
  }

  /** Every unit's latest analysis; compacted ones hold files and problems only (see `full`). */
  allEntries(): AnalysisEntry[] {
    const out: AnalysisEntry[] = [];
    for (const s of this.units.values()) if (s.entry) out.push(s.entry);
    return out;
  }

  /**
   * The entry with its whole result: a compacted one is analyzed again with the options it had, for the caller only
   * (the stored entry stays compact, so a report over a large workspace does not pin every model in memory). `fixes`
   * false leaves fix edits unwritten (findings say `fixOmitted` instead).
   */
  async full(entry: AnalysisEntry, fixes = true): Promise<AnalysisEntry> {
    if (!entry.compact) return entry;
    const options = await this.analyzeOptions(entry.unit, entry.settings);
    // Without fixes, a fixable finding says so (fixOmitted) without its edits being written.
    if (!fixes) options.fixes = false;
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return { ...entry, compact: undefined, result: this.o.engine.analyzeUnit(entry.unit, this.o.host, options) };
    } catch (e) {
      this.o.sink.error(`analysis of ${entry.unit.path} failed and was skipped: ${errorText(e)}`);
      return entry;
    }
  }

  get trusted(): boolean {
    return this.o.trusted;
  }

  // ---- events ----

  /** Open, change, save or close of a document. `delay` 0 analyzes on the next turn. */
  touch(path: string, delay: number): void {
    const unit = this.unitFor(path);
    if (!unit) {
      // The file stopped being ours (a YAML file that is no template anymore): clear what its old unit published.
      this.dropUnit(`cloudformation:${path}`);
      this.rescheduleByFile(path, delay);
      return;
    }
    this.schedule(unit, delay);
    // Modules this file is part of through a caller (a local module's folder) re-analyze too.
    for (const [key, s] of this.units) {
      if (key !== unitKey(unit) && s.entry?.result.files.some((f) => f.path === path)) this.scheduleKey(key, delay);
    }
  }

  /** Files changed on disk (workspace/didChangeWatchedFiles). */
  filesChanged(paths: string[], delay: number): void {
    const configChanged = paths.some((p) => baseName(p) === '.demarc.yaml' || baseName(p) === '.demarc.yml');
    const baselineChanged = paths.some((p) => this.baselines.has(p));
    if (configChanged || baselineChanged) {
      // A project file can name another baseline, and a baseline can accept other findings: every unit again.
      this.baselines.clear();
      this.o.engine.projectConfig?.invalidate?.();
      for (const [key, s] of this.units) {
        s.generation++;
        this.scheduleKey(key, delay);
      }
      return;
    }
    for (const path of paths) {
      // Open documents are authoritative; the disk copy matters again once they close.
      if (this.o.host.document(path)) continue;
      for (const [key, s] of this.units) {
        const u = s.entry?.unit;
        const reads = s.entry?.result.files.some((f) => f.path === path) || u?.files.includes(path);
        if (reads || (u && isInside(u.path, path))) {
          s.generation++;
          this.scheduleKey(key, delay);
        }
      }
      const unit = this.unitFor(path);
      if (unit) {
        this.state_(unitKey(unit)).generation++;
        this.schedule(unit, delay);
      } else if (kindFromName(path) === 'maybe-cloudformation') this.dropUnit(`cloudformation:${path}`);
    }
  }

  /** The connected account changed (connect, refresh, disconnect): findings are re-judged against it. */
  setAccount(posture: AccountPosture | undefined): void {
    if (!this.o.trusted && posture) return;
    this.account = posture;
    for (const [key, s] of this.units) {
      s.generation++;
      this.scheduleKey(key, 0);
    }
  }

  /** Settings changed: every unit re-reads them and re-publishes. */
  settingsChanged(): void {
    for (const [key, s] of this.units) {
      s.generation++;
      this.scheduleKey(key, 0);
    }
  }

  private rescheduleByFile(path: string, delay: number): void {
    for (const [key, s] of this.units) if (s.entry?.published.has(path)) this.scheduleKey(key, delay);
  }

  private state_(key: string): UnitState {
    let s = this.units.get(key);
    if (!s) {
      s = { token: 0, generation: 0 };
      this.units.set(key, s);
    }
    return s;
  }

  private keyFor(path: string): string | undefined {
    const u = this.unitFor(path);
    return u ? unitKey(u) : undefined;
  }

  schedule(unit: Unit, delay: number): void {
    this.scheduleKey(unitKey(unit), delay);
  }

  private scheduleKey(key: string, delay: number): void {
    if (this.disposed) return;
    const s = this.state_(key);
    if (s.timer) clearTimeout(s.timer);
    s.token++;
    s.timer = setTimeout(() => {
      s.timer = undefined;
      const unit = this.unitOfKey(key);
      if (!unit) {
        this.dropUnit(key);
        return;
      }
      void this.run(unit, { force: false }).catch((e) => this.o.sink.error(`analysis of ${key} failed: ${errorText(e)}`));
    }, delay);
  }

  /** Analyzes now (cancelling any pending debounce of the unit); resolves to undefined when superseded. */
  async run(unit: Unit, opts: { force: boolean; keepFull?: boolean; pool?: ScanPool }): Promise<AnalysisEntry | undefined> {
    const key = unitKey(unit);
    const s = this.state_(key);
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    const token = ++s.token;
    const settings = await this.o.settingsFor(unit.path);
    if (this.disposed) return undefined;
    if (s.token !== token) return s.entry; // a newer request took over while settings were fetched
    if (!settings.enable) {
      this.dropUnit(key);
      return undefined;
    }
    const current = this.unitOfKey(key);
    if (!current) {
      this.dropUnit(key);
      return undefined;
    }
    const previous = s.entry;
    if (!opts.force && previous && !(opts.keepFull && previous.compact) && previous.key === this.cacheKey(current, previous.result, s.generation) && sameSettings(previous.settings, settings))
      return previous;

    let versions = this.openVersions();
    const options = await this.analyzeOptions(current, settings);

    // A unit with no open document is compacted once published (its findings dropped), and quick fixes are only
    // asked of open documents: its fix edits would be rendered for nothing (a fifth of a finding-heavy workspace
    // scan). If it read an open document after all (a module file open in the editor), it runs again with fixes.
    let fixes = opts.keepFull === true || current.files.some((f) => versions.has(f));
    let result: UnitResult | undefined;
    let readVersions = new Map<string, number>();
    if (opts.pool && !fixes) {
      // In a worker thread (the workspace scan), off the thread that answers hovers. The worker reads the disk, so
      // its result stands only if none of the files it read is open by the time it comes back; a newer request that
      // took over meanwhile (an edit, a change on disk) publishes instead.
      this.begin();
      try {
        result = await opts.pool.analyze(current, { ...options, fixes: false });
      } catch {
        result = undefined; // the worker failed or died: analyzed here below, where an engine error surfaces as usual
      } finally {
        this.end();
      }
      // Requests that came in while the result was being received are answered before it is published.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.disposed) return undefined;
      if (s.token !== token) return s.entry;
      if (result?.files.some((f) => this.o.host.document(f.path)) || current.files.some((f) => this.o.host.document(f))) result = undefined;
      if (!result) {
        versions = this.openVersions();
        fixes = current.files.some((f) => versions.has(f));
      }
    }
    if (!result) {
      this.begin();
      try {
        result = this.o.engine.analyzeUnit(current, this.o.host, { ...options, fixes });
        readVersions = readOpenVersions(result, current, versions);
        if (!fixes && readVersions.size > 0) {
          fixes = true;
          result = this.o.engine.analyzeUnit(current, this.o.host, { ...options, fixes });
          readVersions = readOpenVersions(result, current, versions);
        }
      } catch (e) {
        this.lastError = `analysis of ${current.path} failed`;
        this.o.sink.error(`analysis of ${current.path} failed and was skipped: ${errorText(e)}`);
        this.end();
        return previous;
      }
      this.end();
    }
    const entry: AnalysisEntry = {
      unit: current,
      result,
      counts: { findings: result.findings.filter((f) => !f.suppressedBy).length, problems: result.problems.length },
      versions: readVersions,
      key: this.cacheKey(current, result, s.generation),
      settings,
      published: new Set(),
      regions: current.kind === 'terraform' ? (this.o.engine.statedRegions?.(result) ?? []) : [],
    };
    const baseline = options.config?.baseline !== undefined ? this.baselineAt(toEnginePath(nodePath.resolve(options.config.root, options.config.baseline))) : undefined;
    if (baseline) entry.baseline = baseline;
    const byFile = await this.contributionsOf(entry, () => this.disposed || s.token !== token);
    if (this.disposed) return undefined;
    // A newer request took over while the findings were converted (in time slices): it publishes instead.
    if (!byFile || s.token !== token) return s.entry;
    const replaced = s.entry;
    s.entry = entry;
    this.recountRegions(replaced?.regions ?? [], entry.regions);
    this.publish(key, entry, previous, byFile);
    if (!opts.keepFull && readVersions.size === 0) compact(entry);
    return entry;
  }

  /** Bytes in the unit's own files (its local modules not counted), as the host reports them. */
  private unitBytes(unit: Unit): number {
    let n = 0;
    for (const f of unit.files) n += this.o.host.fileSize(f) ?? 0;
    return n;
  }

  /** Versions of the open documents, now. */
  private openVersions(): Map<string, number> {
    const versions = new Map<string, number>();
    for (const p of this.o.host.openPaths()) versions.set(p, this.o.host.document(p)!.version);
    return versions;
  }

  private async analyzeOptions(unit: Unit, settings: Settings): Promise<AnalyzeOptions> {
    const options: AnalyzeOptions = { maxFileSize: settings.analysis.maxFileSize };
    if (settings.rules.exclude.length) options.skipRules = settings.rules.exclude;
    if (this.account) options.account = this.account;
    if (this.o.engine.projectConfig) {
      try {
        const root = this.o.roots().find((r) => isInside(unit.path, r));
        const loaded = this.o.engine.projectConfig.load(unit.kind === 'terraform' ? unit.path : parentDir(unit.path), this.o.host, root);
        if (loaded.config) options.config = loaded.config;
        for (const p of loaded.problems) this.o.sink.log(`${p.file}: ${p.message}`);
      } catch (e) {
        this.o.sink.error(`reading .demarc.yaml for ${unit.path} failed: ${errorText(e)}`);
      }
    }
    return options;
  }

  /** Cache key from what the result read: open-document versions, or "disk" plus the unit's disk generation. */
  private cacheKey(unit: Unit, result: UnitResult | undefined, generation: number): string {
    const paths = new Set(unit.files);
    if (result) for (const f of result.files) paths.add(f.path);
    const parts = [unitKey(unit), String(generation)];
    for (const p of [...paths].sort()) parts.push(`${p}@${this.o.host.document(p)?.version ?? 'disk'}`);
    return parts.join('|');
  }

  // ---- publishing ----

  /**
   * What the unit says about each of its files, as diagnostics. A unit with many findings is converted in time slices
   * (the event loop runs in between) and its diagnostics are serialized as they are made, for `flush`.
   */
  private async contributionsOf(entry: AnalysisEntry, stale: () => boolean): Promise<Map<string, Contribution> | undefined> {
    const { result, settings } = entry;
    const encode = result.findings.length >= ENCODE_MIN_FINDINGS;
    const empty = (): Contribution => ({ diagnostics: [], severities: [] });
    const byFile = new Map<string, Contribution>();
    const filesByPath = new Map<string, SourceFile>(result.files.map((f) => [f.path, f]));
    const ours = (p: string) => kindFromName(p) !== undefined;
    const contribution = (path: string): Contribution | undefined => {
      let c = byFile.get(path);
      if (!c && ours(path)) byFile.set(path, (c = empty()));
      return c;
    };
    for (const f of entry.unit.files) byFile.set(f, empty());
    for (const f of result.files) if (ours(f.path)) byFile.set(f.path, empty());

    // Findings the project file's baseline accepts: hints marked as such, or nothing (demarc.baseline.mode).
    const mode = settings.baseline.mode;
    const accepted = entry.baseline && mode !== 'show' ? baselineMatcher(entry.baseline, filesByPath) : undefined;
    let acceptedCount = 0;
    // A unit with thousands of findings takes tens of ms to convert: in slices, so the open file's requests go first.
    const slicer = new Slicer();
    for (let i = 0; i < result.findings.length; i++) {
      const f = result.findings[i]!;
      const c = contribution(f.file);
      if (!c) continue;
      const inBaseline = accepted !== undefined && accepted(f) !== undefined;
      if (inBaseline) acceptedCount++;
      const d = inBaseline && mode === 'hide' ? undefined : this.safeDiagnostic(f, entry, settings);
      if (d && inBaseline) {
        // Out of the Problems counts (VS Code lists no hints there), still visible in the text and its hover.
        d.severity = DiagnosticSeverity.Hint;
        d.message = `${typeof d.message === 'string' ? d.message : d.message.value} (in the baseline)`;
        c.diagnostics.push(d);
        c.severities.push(undefined);
      } else if (d) {
        c.diagnostics.push(d);
        c.severities.push(overriddenSeverity(f, settings.severityOverrides));
      }
      if ((i & 31) === 31 && slicer.due()) {
        await slicer.yield();
        if (stale()) return undefined;
      }
    }
    // Several syntax errors at one spot (an unclosed brace closes nothing else either) read as one message.
    const problemAt = new Map<string, Diagnostic>();
    for (const p of result.problems) {
      // Logged by publish(), once the run is sure to stand.
      if (p.code === 'rule-error' || !ours(p.file)) continue;
      const c = contribution(p.file);
      if (!c) continue;
      const d = problemToDiagnostic(p, filesByPath.get(p.file));
      const at = `${p.file}|${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
      const same = problemAt.get(at);
      if (same) {
        if (typeof same.message === 'string' && typeof d.message === 'string' && !same.message.includes(d.message)) same.message += `; ${d.message}`;
        continue;
      }
      problemAt.set(at, d);
      c.diagnostics.push(d);
      c.severities.push(undefined);
    }
    if (encode) {
      // After the problems (several at one spot were merged into one message above), and also in slices: 5,000
      // diagnostics are 3 MB of JSON.
      for (const c of byFile.values()) {
        const pieces: Buffer[] = [];
        for (let i = 0; i < c.diagnostics.length; i += ENCODE_PIECE) {
          pieces.push(Buffer.from(c.diagnostics.slice(i, i + ENCODE_PIECE).map((d) => JSON.stringify(d)).join(','), 'utf8'));
          if (slicer.due()) {
            await slicer.yield();
            if (stale()) return undefined;
          }
        }
        c.encoded = pieces;
      }
    }

    // The status counts leave out what the baseline accepted.
    if (acceptedCount > 0) entry.counts = { ...entry.counts, findings: Math.max(0, entry.counts.findings - acceptedCount) };
    const excluded = this.excludeMatcher(entry);
    for (const [path, c] of byFile) {
      const v = entry.versions.get(path);
      if (v !== undefined) c.version = v;
      if (excluded(path)) {
        c.diagnostics = [];
        c.severities = [];
        if (c.encoded) c.encoded = [];
      }
    }
    return byFile;
  }

  private publish(key: string, entry: AnalysisEntry, previous: AnalysisEntry | undefined, byFile: Map<string, Contribution>): void {
    for (const p of entry.result.problems) {
      // A rule that threw was skipped by the engine; the rest of the file's findings stand. The log names it.
      if (p.code === 'rule-error') this.o.sink.error(`${p.file}: ${p.message}`);
      // Folder-level problems have no document to show them in: the log keeps them.
      else if (kindFromName(p.file) === undefined) this.o.sink.log(`${p.file}: ${p.message}`);
    }
    for (const [path, c] of byFile) {
      this.contribute(path, key, c);
      entry.published.add(path);
    }
    if (previous) {
      for (const path of previous.published) {
        if (!byFile.has(path)) this.withdraw(path, key);
      }
    }
    for (const path of entry.published) this.flush(path);
    if (previous) for (const path of previous.published) if (!entry.published.has(path)) this.flush(path);
    this.scheduleStatus();
  }

  private safeDiagnostic(f: Finding, entry: AnalysisEntry, settings: Settings): Diagnostic | undefined {
    try {
      return findingToDiagnostic(f, {
        uri: this.o.uris.uri(f.file),
        version: entry.versions.get(f.file),
        helpUri: (id) => this.o.engine.ruleHelpUri(id),
        uriOf: (p) => this.o.uris.uri(p),
        overrides: settings.severityOverrides,
      });
    } catch (e) {
      this.o.sink.error(`finding of rule ${f.ruleId} in ${f.file} could not be shown: ${errorText(e)}`);
      return undefined;
    }
  }

  /**
   * The baseline at `path`, read through the host (an open, unsaved baseline counts) and kept until it or a project
   * file changes. One that is missing, malformed or over MAX_BASELINE_BYTES is logged once and not applied.
   */
  private baselineAt(path: string): Baseline | undefined {
    if (this.baselines.has(path)) return this.baselines.get(path);
    let baseline: Baseline | undefined;
    const size = this.o.host.fileSize(path);
    if (size !== undefined && size > MAX_BASELINE_BYTES) this.o.sink.log(`the baseline ${path} is over ${MAX_BASELINE_BYTES / 1024 / 1024} MB: the editor shows its findings like any others (demarc scan still applies it)`);
    else {
      let text: string | undefined;
      try {
        text = this.o.host.readFile(path);
      } catch {
        text = undefined;
      }
      if (text === undefined) this.o.sink.log(`the baseline ${path} named by the project file cannot be read: the editor shows its findings like any others`);
      else {
        try {
          baseline = parseBaseline(text, path, path).baseline;
        } catch (e) {
          this.o.sink.log(`${e instanceof Error ? e.message : String(e)}: the editor shows its findings like any others`);
        }
      }
    }
    this.baselines.set(path, baseline);
    return baseline;
  }

  private excludeMatcher(entry: AnalysisEntry): (path: string) => boolean {
    const globs = entry.settings.exclude;
    if (globs.length === 0) return () => false;
    const root = this.o.roots().find((r) => isInside(entry.unit.path, r));
    const match = picomatch(globs, { dot: true });
    return (path) => {
      const rel = root && isInside(path, root) ? path.slice(root.length).replace(/^\//, '') : path;
      return match(rel) || match(path);
    };
  }

  private contribute(path: string, key: string, c: Contribution): void {
    let m = this.contributions.get(path);
    if (!m) {
      m = new Map();
      this.contributions.set(path, m);
    }
    m.set(key, c);
  }

  private withdraw(path: string, key: string): void {
    const m = this.contributions.get(path);
    if (!m) return;
    m.delete(key);
  }

  /**
   * Sends the merged diagnostics of one file. When a folder is both its own unit and a local module called from
   * another unit, the caller's view wins (it knows the inputs), as in the CLI's mergeResults.
   */
  private flush(path: string): void {
    const m = this.contributions.get(path);
    const uri = this.o.uris.uri(path);
    const version = this.o.host.document(path)?.version;
    if (!m || m.size === 0) {
      this.contributions.delete(path);
      this.setPublishedCounts(path, undefined);
      this.o.sink.sendDiagnostics(version === undefined ? { uri, diagnostics: [] } : { uri, version, diagnostics: [] });
      return;
    }
    let parts = [...m.entries()];
    if (parts.length > 1) {
      const own = `terraform:${parentDir(path)}`;
      const callers = parts.filter(([k]) => k !== own);
      if (callers.length) parts = callers;
    }
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    const counts = { ...ZERO_COUNTS };
    let problems = 0;
    let analyzedVersion: number | undefined;
    for (const [, c] of parts) {
      if (c.version !== undefined) analyzedVersion = c.version;
      c.diagnostics.forEach((d, i) => {
        // Only several callers' views of one module file can repeat each other; one unit's diagnostics are distinct
        // already (the engine de-duplicates findings, publish() problems).
        if (parts.length > 1) {
          const id = `${String(d.code)}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
          if (seen.has(id)) return;
          seen.add(id);
        }
        diagnostics.push(d);
        const sev = c.severities[i];
        if (sev) {
          counts[sev]++;
          counts.total++;
        } else problems++;
      });
    }
    this.setPublishedCounts(path, { counts, problems });
    // The version is the one the diagnostics were computed on, so clients can drop results for older text.
    if (analyzedVersion === undefined) analyzedVersion = version;
    const only = parts.length === 1 ? parts[0]![1] : undefined;
    const encoded = only?.encoded;
    // Sent once: a later flush of the same contribution (rare: another unit's view of the file changed) serializes
    // as usual, and the 3 MB do not stay in memory for it.
    if (only) only.encoded = undefined;
    this.o.sink.sendDiagnostics(analyzedVersion === undefined ? { uri, diagnostics } : { uri, version: analyzedVersion, diagnostics }, encoded);
  }

  /** Forgets a unit and clears everything it published. */
  dropUnit(key: string): void {
    const s = this.units.get(key);
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    // A run still in flight (in a worker, or converting its findings in slices) must not publish for a dropped unit.
    s.token++;
    this.units.delete(key);
    if (s.entry) this.recountRegions(s.entry.regions, []);
    if (!s.entry) return;
    for (const path of s.entry.published) {
      this.withdraw(path, key);
      this.flush(path);
    }
    this.scheduleStatus();
  }

  /** Drops every unit: used when analysis is disabled. */
  clearAll(): void {
    for (const key of [...this.units.keys()]) this.dropUnit(key);
  }

  // ---- workspace scan ----

  /**
   * Analyzes every unit under `roots`, yielding to the event loop between units so hovers and edits of open files
   * are served in between. `cancelled()` is polled between units.
   */
  async scan(roots: string[], report: (percentage: number, message: string) => void, cancelled: () => boolean): Promise<ScanWorkspaceResult> {
    const started = Date.now();
    const settings = roots[0] ? await this.o.settingsFor(roots[0]) : undefined;
    const allowedRoots = roots.filter((r) => this.o.host.allowed(r));
    const found = this.o.engine.discover(allowedRoots, this.o.host, { maxFileSize: settings?.analysis.maxFileSize ?? undefined });
    for (const p of found.problems) this.o.sink.log(`${p.file}: ${p.message}`);
    this.state = 'scanning';
    this.scanPercentage = 0;
    this.scheduleStatus();
    let done = 0;
    let files = 0;
    let findings = 0;
    let problems = 0;
    let completed = true;
    const finished = (unit: Unit, entry: AnalysisEntry | undefined) => {
      if (entry) {
        files += entry.result.files.length;
        findings += entry.counts.findings;
        problems += entry.counts.problems;
      }
      done++;
      const pct = Math.round((done / Math.max(1, found.units.length)) * 100);
      this.scanPercentage = pct;
      report(pct, `${done}/${found.units.length} ${shortName(unit.path)}`);
    };
    const failed = (unit: Unit, e: unknown) => {
      this.o.sink.error(`analysis of ${unit.path} failed and was skipped: ${errorText(e)}`);
      finished(unit, undefined);
    };
    // Large units go to worker threads, so no single analysis holds up the open file's hovers and diagnostics (a
    // 40,000-line module takes a third of a second); small ones are analyzed here between requests, which is faster
    // than shipping them and their results across threads. The threads start with the first large unit.
    let pool: ScanPool | undefined;
    let poolAsked = false;
    const poolFor = (unit: Unit): ScanPool | undefined => {
      if (!this.o.scanPool || (poolAsked && !pool) || this.unitBytes(unit) < SCAN_WORKER_MIN_BYTES) return undefined;
      if (!poolAsked) pool = this.o.scanPool(found.units.length);
      poolAsked = true;
      return pool;
    };
    const inFlight = new Set<Promise<void>>();
    let inWorkers = 0;
    try {
      for (const [i, unit] of found.units.entries()) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (cancelled() || this.disposed) {
          completed = false;
          break;
        }
        // Settings come from the client, one request per folder: the next unit's are asked for now, so the round
        // trip overlaps this unit's analysis instead of following it.
        const next = found.units[i + 1];
        if (next) this.o.settingsFor(next.path).catch(() => undefined);
        const unitPool = poolFor(unit);
        if (unitPool) {
          inWorkers++;
          const p: Promise<void> = this.run(unit, { force: false, pool: unitPool }).then(
            (entry) => finished(unit, entry),
            (e) => failed(unit, e),
          );
          inFlight.add(p);
          void p.finally(() => inFlight.delete(p));
          while (inFlight.size >= unitPool.threads * 2) await Promise.race(inFlight);
          continue;
        }
        try {
          finished(unit, await this.run(unit, { force: false }));
        } catch (e) {
          failed(unit, e);
        }
      }
      await Promise.all(inFlight);
      this.o.sink.log(`workspace scan: ${done} units in ${Date.now() - started} ms${pool ? `, ${inWorkers} large ones in ${pool.threads} worker thread${pool.threads === 1 ? '' : 's'}` : ''}`);
    } finally {
      pool?.close();
      this.scanPercentage = undefined;
      this.state = 'idle';
      this.scheduleStatus();
    }
    return {
      completed,
      units: done,
      files,
      findings,
      problems,
      skipped: found.skipped.slice(0, 200).map((s) => ({ uri: this.o.uris.uri(s.path), reason: s.reason })),
      durationMs: Date.now() - started,
    };
  }

  // ---- status ----

  private begin(): void {
    this.running++;
  }

  private end(): void {
    this.running--;
    this.scheduleStatus();
  }

  setState(state: ServerState, message?: string): void {
    this.state = state;
    if (message !== undefined) this.lastError = message;
    this.scheduleStatus();
  }

  private setPublishedCounts(path: string, next: { counts: StatusCounts; problems: number } | undefined): void {
    const t = this.totals;
    const add = (v: { counts: StatusCounts; problems: number }, sign: 1 | -1) => {
      if (v.counts.total || v.problems) t.files += sign;
      t.problems += sign * v.problems;
      for (const k of Object.keys(t.counts) as (keyof StatusCounts)[]) t.counts[k] += sign * v.counts[k];
    };
    const before = this.publishedCounts.get(path);
    if (before) add(before, -1);
    if (next) {
      add(next, 1);
      this.publishedCounts.set(path, next);
    } else this.publishedCounts.delete(path);
  }

  statusParams(): StatusParams {
    const params: StatusParams = {
      state: this.state === 'starting' ? 'starting' : this.state,
      counts: { ...this.totals.counts },
      files: this.totals.files,
      problems: this.totals.problems,
      trusted: this.o.trusted,
    };
    if (this.scanPercentage !== undefined) params.percentage = this.scanPercentage;
    if (this.lastError) params.message = this.lastError;
    else if (!this.o.trusted) params.message = 'Restricted mode: no account access, nothing read outside the workspace folders.';
    return params;
  }

  /** Coalesces status notifications: one per burst of work. */
  private scheduleStatus(): void {
    if (this.statusTimer || this.disposed) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      if (this.state === 'starting') this.state = 'idle';
      this.o.sink.status(this.statusParams());
    }, 50);
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.units.values()) if (s.timer) clearTimeout(s.timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
  }
}

function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  return String(e);
}

export function parentDir(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function shortName(path: string): string {
  const parts = path.split('/');
  return parts.slice(-2).join('/');
}

/** Keeps what a unit without open documents needs once its diagnostics are out: which files it read, its problems. */
/** The versions of the open documents an analysis read: its unit's files and any other file it loaded. */
function readOpenVersions(result: UnitResult, unit: Unit, versions: Map<string, number>): Map<string, number> {
  const read = new Map<string, number>();
  for (const f of result.files) {
    const v = versions.get(f.path);
    if (v !== undefined) read.set(f.path, v);
  }
  for (const f of unit.files) {
    const v = versions.get(f);
    if (v !== undefined) read.set(f, v);
  }
  return read;
}

function compact(entry: AnalysisEntry): void {
  const r = entry.result;
  entry.result = { unit: r.unit, files: r.files, comments: new Map(), sourceResources: [], resources: [], findings: [], problems: r.problems };
  entry.compact = true;
}
