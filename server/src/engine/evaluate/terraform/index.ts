// Static evaluation of a Terraform root module (and the local or downloaded modules it calls): variables with
// tfvars precedence, locals, functions, count/for_each, dynamic blocks, references. Offline and deterministic:
// what cannot be known is `unknown`, never guessed. See module.ts and expr.ts for the machinery.
import { parseHcl, parseTerraformJson } from '../../parse/hcl';
import type { EvaluationResult, FileKind, Host, SourceFile } from '../../source';
import type { Span } from '../../types';
import type { Val } from '../value';
import { evaluate } from './expr';
import { parseJsonToVal } from './json';
import { MAX_ITERATIONS, ModuleInstance, normalizePath, parseFile, problemAt, type ParsedFile, type Shared } from './module';

export { buildPolicyDocument } from './policy-document';
export { parseJsonToVal } from './json';
export { MAX_INSTANCES } from './module';

export interface TerraformModuleInput {
  dir: string; // absolute folder of the root module
  files: SourceFile[]; // its .tf / .tf.json files, already loaded (kinds 'terraform' | 'terraform-json')
  host: Host; // for listing folders (local modules, .terraform/modules/modules.json, tfvars discovery)
  varFiles: string[]; // absolute paths given with --var-file, applied after terraform.tfvars and *.auto.tfvars (alphabetical)
  load: (path: string, kind: FileKind) => SourceFile | undefined; // loads+vets any other file (tfvars, module files); records problems itself
}

export function evaluateTerraformModule(input: TerraformModuleInput): EvaluationResult {
  const rootDir = normalizePath(input.dir);
  const shared: Shared = {
    host: input.host,
    rootDir,
    problems: [],
    resources: [],
    files: new Map(),
    comments: new Map(),
    parsed: new Map(),
    load: input.load,
    scratch: new Map(),
    reported: new Set(),
    iterations: { left: MAX_ITERATIONS },
  };
  const parsed: ParsedFile[] = [];
  for (const f of [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    parsed.push(parseFile(shared, f, f.kind === 'terraform-json' ? parseTerraformJson : parseHcl));
  }
  const rootFiles = new Set(input.files.map((f) => f.path));
  const tfvars = new Map<string, Val>();
  const root = new ModuleInstance(shared, rootDir, parsed, '', [], [], [input.host.realPath?.(rootDir) ?? rootDir], undefined, undefined, tfvars);
  for (const path of tfvarsFiles(input.host, rootDir, input.varFiles)) readTfvars(shared, root, path, tfvars);
  try {
    root.emit();
  } catch (e) {
    // A bug must not cost the user the whole module: keep what was emitted and say what happened.
    shared.problems.push({ file: rootDir, severity: 'warning', code: 'evaluation-error', message: `Terraform evaluation stopped early: ${e instanceof Error ? e.message : String(e)}` });
  }
  return {
    resources: shared.resources,
    problems: shared.problems,
    files: [...shared.files.values()].filter((f) => !rootFiles.has(f.path)).concat(input.files),
    comments: shared.comments,
  };
}

/** terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) alphabetically, then --var-file: later wins. */
export function tfvarsFiles(host: Host, dir: string, varFiles: readonly string[]): string[] {
  const names = (host.readDir(dir) ?? []).filter((e) => !e.isDirectory).map((e) => e.name);
  const out: string[] = [];
  for (const n of ['terraform.tfvars', 'terraform.tfvars.json']) if (names.includes(n)) out.push(`${dir}/${n}`);
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  for (const n of auto) out.push(`${dir}/${n}`);
  out.push(...varFiles);
  return out;
}

function readTfvars(shared: Shared, root: ModuleInstance, path: string, into: Map<string, Val>): void {
  const kind: FileKind = path.endsWith('.json') ? 'tfvars-json' : 'tfvars';
  const file = shared.load(path, kind);
  if (!file) return;
  if (kind === 'tfvars-json') {
    shared.files.set(path, file);
    const v = parseJsonToVal(file.text, { file: path, base: 0 });
    if (!v || v.kind !== 'object') {
      const span: Span = { file: path, start: 0, end: Math.min(1, file.text.length) };
      problemAt(shared, span, 'error', 'tfvars-json-syntax', `${path} is not a JSON object of variable values`);
      return;
    }
    for (const [k, f] of v.fields) into.set(k, f.value);
    return;
  }
  const pf = parseFile(shared, file, parseHcl);
  for (const item of pf.ast.body.items) {
    if (item.type === 'Attribute') into.set(item.name.name, evaluate(item.expr, { mod: root, file: path }));
    else problemAt(shared, { file: path, start: item.start, end: item.blockType.end }, 'warning', 'tfvars-block', `blocks are not allowed in a variables file; "${item.blockType.name}" is ignored`);
  }
}
