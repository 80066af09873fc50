// What the language server needs from the engine, as one object. server.ts fills it from the real engine
// modules; keeping it an interface lets the LSP glue be tested in-process with a small engine of the test's own.
import type { AnalyzeOptions, Skipped, Unit, UnitResult } from '../engine/analyze';
import type { FileKind, Host, SourceResource } from '../engine/source';
import type { Finding, Problem } from '../engine/types';
import type { RuleMeta } from '../engine/rules/meta';
import type { Val } from '../engine/evaluate/value';
import type { LineIndex } from '../engine/text';

/** Line tables of the analyzed files, to turn spans into line numbers. */
export type LinesOf = (file: string) => LineIndex | undefined;

export interface ExplainPort {
  /** Markdown for the resource card (responsibility line, layers and their status). */
  /** `unit`: the analysis the resource belongs to (its project file, account facts and model, for owners and companions). */
  resourceMarkdown(resource: SourceResource, findings: Finding[], lines: LinesOf, opts?: { commandLinks?: boolean; unit?: UnitResult }): string | undefined;
  /** Markdown for one attribute (meaning, default, owner). */
  /** `root`: folder that shown paths are relative to. */
  attributeMarkdown(resource: SourceResource, path: string[], value: Val | undefined, lines: LinesOf, root?: string): string | undefined;
  /** Structured card, passed through to the client (report, explain request). */
  resourceData?(resource: SourceResource, findings: Finding[], lines: LinesOf, unit?: UnitResult): unknown;
}

export interface ProjectConfigPort {
  /** Reads `.demarc.yaml` for a folder (searching upwards to `stopAt`); `config` goes into AnalyzeOptions.config. */
  load(dir: string, host: Host, stopAt: string | undefined): { config?: AnalyzeOptions['config']; problems: Problem[]; path?: string };
  /** Forgets which project file applies where (one was created, deleted or changed). */
  invalidate?(): void;
}

export interface EnginePort {
  discover(roots: string[], host: Host, options?: AnalyzeOptions): { units: Unit[]; skipped: Skipped[]; problems: Problem[] };
  analyzeUnit(unit: Unit, host: Host, options?: AnalyzeOptions): UnitResult;
  detectKind(path: string, text: string): FileKind | undefined;
  ruleMeta(id: string): RuleMeta | undefined;
  ruleHelpUri(id: string): string;
  /** The Regions a unit's provider blocks name (the account's per-Region settings are read there too). */
  statedRegions?(result: UnitResult): string[];
  explain?: ExplainPort;
  projectConfig?: ProjectConfigPort;
}
