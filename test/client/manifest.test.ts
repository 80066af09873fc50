// The extension manifest against the code it describes: commands, settings, grammars, activation, trust.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SETTINGS_MANIFEST } from '../../server/src/shared/settings';
import { ACCOUNT_VIEW_ID } from '../../server/src/aws/protocol';
import { loadClientModule, repoRoot } from './load';

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  enabledApiProposals?: string[];
  icon: string;
  repository: { url: string };
  scripts: Record<string, string>;
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: { supported: boolean | 'limited'; description?: string };
  };
  contributes: {
    languages: { id: string; extensions?: string[]; configuration?: string }[];
    grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
    configuration: { title: string; properties: Record<string, Record<string, unknown>> }[];
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; icon?: string }[]>;
    walkthroughs: { steps: { id: string; media: { markdown?: string; image?: string } }[] }[];
  };
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
interface Loaded {
  COMMANDS: Record<string, { title: string; palette?: string | false }>;
  buildSettingsSection: (reader: { get(k: string): unknown; inspect(k: string): unknown }, trusted: boolean) => Record<string, unknown>;
  RESTRICTED_SETTINGS: readonly string[];
  buildClientManifest: () => Record<string, unknown>;
}

// Test files run as CommonJS (no top-level await), so the client modules load once, on first use.
const loading: Promise<Loaded> = (async () => ({
  ...(await loadClientModule<Pick<Loaded, 'COMMANDS'>>('command-ids.ts')),
  ...(await loadClientModule<Pick<Loaded, 'buildSettingsSection' | 'RESTRICTED_SETTINGS'>>('config.ts')),
  ...(await loadClientModule<Pick<Loaded, 'buildClientManifest'>>('../scripts/update-manifest.ts')),
}))();

/** The keys of the object literal assigned to `const table` in commands.ts: the handlers actually written. */
function handlerIds(): string[] {
  const source = readFileSync(join(repoRoot, 'client/src/commands.ts'), 'utf8');
  const start = source.indexOf('const table');
  assert.ok(start >= 0, 'commands.ts has no `const table`');
  const body = source.slice(source.indexOf('{', source.indexOf('=', start)), source.indexOf('\n  };', start));
  return [...body.matchAll(/^\s{4}'(demarc\.[A-Za-z]+)':/gm)].map((m) => m[1]!);
}

test('package.json matches what client/scripts/update-manifest.ts writes (run it after changing commands or settings)', async () => {
  const { buildClientManifest } = await loading;
  const expected = buildClientManifest();
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'scripts') {
      for (const [name, script] of Object.entries(value as Record<string, string>)) assert.equal(pkg.scripts[name], script, `scripts.${name}`);
    } else {
      assert.deepEqual((pkg as unknown as Record<string, unknown>)[key], value, key);
    }
  }
});

test('every contributed command has a handler in the command table, and every handler is contributed', async () => {
  const { COMMANDS } = await loading;
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, Object.keys(COMMANDS).sort());
  assert.deepEqual(handlerIds().sort(), contributed);
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'Demarc', c.command);
    assert.ok(c.title.length > 0 && !c.title.startsWith('Demarc'), `${c.command}: title without the category`);
    assert.match(c.command, /^demarc\.[a-z][A-Za-z]+$/);
  }
  for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
    for (const entry of entries) assert.ok(contributed.includes(entry.command), `${menu}: entry for unknown command ${entry.command}`);
  }
  // Commands that need arguments are hidden from the palette; account commands need trust.
  const when = (id: string) => pkg.contributes.menus.commandPalette!.find((e) => e.command === id)?.when;
  assert.equal(when('demarc.showRuleDocs'), 'false');
  assert.equal(when('demarc.copyCommand'), 'false');
  assert.equal(when('demarc.connectAccount'), 'isWorkspaceTrusted');
});

test('every setting of settings.ts is declared with the same type, default and scope, and nothing else is', async () => {
  const { buildSettingsSection } = await loading;
  const declared = Object.assign({}, ...pkg.contributes.configuration.map((c) => c.properties)) as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(declared).sort(), Object.keys(SETTINGS_MANIFEST).sort());
  for (const [key, d] of Object.entries(SETTINGS_MANIFEST)) {
    const p = declared[key]!;
    assert.equal(p.type, d.type, `${key} type`);
    assert.deepEqual(p.default, d.default, `${key} default`);
    assert.equal(p.scope, d.scope, `${key} scope`);
    assert.deepEqual(p.enum, d.enum, `${key} enum`);
    assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, `${key} markdownDescription`);
  }
  for (const section of pkg.contributes.configuration) assert.match(section.title, /^Demarc/);
  // The manifest defaults, nested as the server pulls them, are exactly the server's defaults.
  const none = { get: () => undefined, inspect: () => undefined };
  assert.deepEqual(buildSettingsSection(none, true), DEFAULT_SETTINGS);
});

test('restricted mode: limited support, AWS settings restricted; virtual workspaces declared unsupported', async () => {
  const { RESTRICTED_SETTINGS } = await loading;
  const { untrustedWorkspaces, virtualWorkspaces } = pkg.capabilities;
  assert.equal(untrustedWorkspaces.supported, 'limited');
  assert.ok((untrustedWorkspaces.description ?? '').length > 40);
  assert.deepEqual(untrustedWorkspaces.restrictedConfigurations, [...RESTRICTED_SETTINGS]);
  assert.ok(untrustedWorkspaces.restrictedConfigurations!.includes('demarc.aws.profile'));
  for (const key of untrustedWorkspaces.restrictedConfigurations!) assert.ok(SETTINGS_MANIFEST[key], `${key} is a setting`);
  assert.equal(virtualWorkspaces.supported, false);
  assert.match(virtualWorkspaces.description ?? '', /disk/);
});

test('grammars and language configuration exist, parse, and are wired to their languages and scopes', () => {
  const languages = new Set(pkg.contributes.languages.map((l) => l.id));
  assert.ok(languages.has('terraform'));
  assert.deepEqual(pkg.contributes.languages.find((l) => l.id === 'terraform')!.extensions, ['.tf']);
  assert.deepEqual(pkg.contributes.languages.find((l) => l.id === 'terraform-vars')!.extensions, ['.tfvars']);
  for (const l of pkg.contributes.languages) {
    const config = JSON.parse(readFileSync(join(repoRoot, l.configuration!), 'utf8')) as { comments: { lineComment: string; blockComment: string[] }; autoClosingPairs: unknown[] };
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
    assert.ok(config.autoClosingPairs.length >= 4);
  }
  const ownScopes = new Set<string>();
  for (const g of pkg.contributes.grammars) {
    const grammar = JSON.parse(readFileSync(join(repoRoot, g.path), 'utf8')) as { scopeName: string; injectionSelector?: string };
    assert.equal(grammar.scopeName, g.scopeName, g.path);
    if (g.language) assert.ok(languages.has(g.language), `${g.path}: language ${g.language} is contributed`);
    ownScopes.add(g.scopeName);
  }
  const injection = pkg.contributes.grammars.find((g) => g.injectTo)!;
  assert.deepEqual(injection.injectTo, ['source.hcl.terraform', 'source.yaml']);
  assert.ok(ownScopes.has('source.hcl.terraform'));
});

test('activation: Terraform, YAML and JSON documents, and workspaces with Terraform or templates', () => {
  for (const event of [
    'onLanguage:terraform',
    'onLanguage:yaml',
    'onLanguage:json',
    'workspaceContains:**/*.tf',
    'workspaceContains:**/template.{yaml,yml,json}',
    'workspaceContains:**/*.template',
  ]) {
    assert.ok(pkg.activationEvents.includes(event), event);
  }
  assert.ok(!pkg.activationEvents.includes('*'), 'never activate on startup');
});

test('installable in VS Code 1.100 (and code-server 4.100): engine range, no proposed API, main bundle path', () => {
  assert.ok(caretAllows(pkg.engines.vscode, '1.100.0'), `engines.vscode ${pkg.engines.vscode} allows 1.100.0`);
  assert.equal(pkg.enabledApiProposals, undefined);
  assert.equal(pkg.main, './dist/client.js');
  // vscode-languageclient 11 itself needs ^1.91: the engine range must not go below it.
  assert.ok(!caretAllows(pkg.engines.vscode, '1.90.0'));
  assert.match(pkg.scripts.package!, /vsce package --no-dependencies/);
  assert.match(pkg.repository.url, /^https:\/\//);
});

test('icon is a 128×128 PNG and every walkthrough page exists', () => {
  const png = readFileSync(join(repoRoot, pkg.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
  const steps = pkg.contributes.walkthroughs.flatMap((w) => w.steps);
  assert.ok(steps.length >= 4);
  for (const s of steps) {
    const media = s.media.markdown ?? s.media.image!;
    assert.ok(existsSync(join(repoRoot, media)), `${s.id}: ${media}`);
  }
});

test('the Account view the account module creates is contributed, in a Demarc container with an icon', () => {
  const containers = pkg.contributes.viewsContainers.activitybar;
  const views = Object.entries(pkg.contributes.views).flatMap(([container, list]) => list.map((v) => ({ container, ...v })));
  const account = views.find((v) => v.id === ACCOUNT_VIEW_ID);
  assert.ok(account, `view ${ACCOUNT_VIEW_ID} is contributed`);
  assert.ok(containers.some((c) => c.id === account.container), `container ${account.container} exists`);
  for (const c of containers) assert.ok(existsSync(join(repoRoot, c.icon)), c.icon);
});

function caretAllows(range: string, version: string): boolean {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  assert.ok(m, `unsupported engine range ${range}`);
  const [maj, min, pat] = m.slice(1).map(Number) as [number, number, number];
  const [vMaj, vMin, vPat] = version.split('.').map(Number) as [number, number, number];
  if (vMaj !== maj) return false;
  return vMin > min || (vMin === min && vPat >= pat);
}
