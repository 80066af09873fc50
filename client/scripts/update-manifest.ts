// Writes the client-owned fields of package.json (contributes, activationEvents, capabilities, icon, gallery banner,
// repository, and the `package` / `test:vscode` scripts) from the command table and the settings contract, leaving
// every other field as it is. Other engineers edit package.json too, so this reads, patches and writes back.
// Usage: node --import tsx client/scripts/update-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS_MANIFEST, type SettingDescriptor } from '../../server/src/shared/settings';
import { COMMANDS, COMMAND_CATEGORY, type CommandInfo } from '../src/command-ids';
import { RESTRICTED_SETTINGS } from '../src/config';

const pkgUrl = new URL('../../package.json', import.meta.url);

/** Longer, Markdown help for the Settings editor; the one-line descriptions live in settings.ts. */
const MARKDOWN: Record<string, string> = {
  'demarc.enable': 'Analyze Terraform and CloudFormation files in this folder. Turning it off clears the folder\'s diagnostics.',
  'demarc.run': 'When to analyze an open file: `onType` (debounced by `#demarc.analysis.debounceMs#`) or `onSave`.',
  'demarc.severityOverrides': 'Severity per rule id, for example `{ "aws-s3-versioning": "low" }`. Use `"off"` to hide a rule\'s findings in the editor. The project file `.demarc.yaml` applies to every tool; this setting only to the editor.',
  'demarc.rules.exclude': 'Rule ids that never run in the editor, in addition to those `.demarc.yaml` turns off.',
  'demarc.exclude': 'Glob patterns, relative to the workspace folder, of files that get no diagnostics (for example `**/generated/**`).',
  'demarc.baseline.mode':
    'What the editor does with findings that the baseline named by `baseline:` in `.demarc.yaml` accepts (see `demarc scan --write-baseline`): `dim` shows them as hints marked "(in the baseline)", outside the Problems counts; `hide` shows nothing; `show` shows them like any other finding. A finding whose line you edit is new again.',
  'demarc.analysis.maxFileSize': 'Files larger than this many bytes are skipped with one notice instead of being analyzed.',
  'demarc.analysis.debounceMs': 'Milliseconds of quiet after the last keystroke before an open file is analyzed again (with `#demarc.run#` set to `onType`).',
  'demarc.trace.server': 'Log the messages between VS Code and the Demarc language server in the **Demarc** output channel.',
  'demarc.aws.profile': 'Named profile from the shared AWS config files for account checks. Empty uses the default credential chain. Ignored in workspace settings of an untrusted workspace.',
  'demarc.aws.region': 'AWS region for account checks. Empty takes the profile\'s region or the Terraform provider\'s. Ignored in workspace settings of an untrusted workspace.',
  'demarc.aws.connect': 'Connect to the AWS account when the extension starts. Never happens in an untrusted workspace.',
};

/** Settings grouped into the sections the Settings editor shows. */
const SECTIONS: { title: string; match: (key: string) => boolean }[] = [
  { title: 'Demarc', match: (k) => !k.startsWith('demarc.analysis.') && !k.startsWith('demarc.aws.') && !k.startsWith('demarc.trace.') },
  { title: 'Demarc: Analysis', match: (k) => k.startsWith('demarc.analysis.') || k.startsWith('demarc.trace.') },
  { title: 'Demarc: AWS Account', match: (k) => k.startsWith('demarc.aws.') },
];

function configurationProperty(key: string, d: SettingDescriptor, order: number): Record<string, unknown> {
  return {
    type: d.type,
    default: d.default,
    ...(d.enum ? { enum: d.enum } : {}),
    ...(d.items ? { items: d.items } : {}),
    ...(d.additionalProperties ? { additionalProperties: d.additionalProperties } : {}),
    ...(d.minimum !== undefined ? { minimum: d.minimum } : {}),
    scope: d.scope,
    description: d.description,
    markdownDescription: MARKDOWN[key] ?? d.description,
    order,
  };
}

export function buildClientManifest(): Record<string, unknown> {
  const keys = Object.keys(SETTINGS_MANIFEST);
  const configuration = SECTIONS.map((section, i) => ({
    id: `demarc${i === 0 ? '' : `.${section.title.split(': ')[1]!.toLowerCase().replace(/\s+/g, '-')}`}`,
    title: section.title,
    order: i,
    properties: Object.fromEntries(
      keys.filter(section.match).map((k, j) => [k, configurationProperty(k, SETTINGS_MANIFEST[k]!, j)]),
    ),
  }));

  const commandEntries = Object.entries(COMMANDS) as [string, CommandInfo][];
  const commands = commandEntries.map(([command, info]) => ({
    command,
    title: info.title,
    category: COMMAND_CATEGORY,
    ...(info.icon ? { icon: info.icon } : {}),
  }));
  const commandPalette = commandEntries
    .filter(([, info]) => info.palette !== undefined)
    .map(([command, info]) => ({ command, when: info.palette === false ? 'false' : info.palette }));

  const contributes = {
    languages: [
      {
        id: 'terraform',
        aliases: ['Terraform', 'terraform'],
        extensions: ['.tf'],
        configuration: './syntaxes/terraform.language-configuration.json',
      },
      {
        // Same id and file extension as HashiCorp's extension, so both extensions agree on what a .tfvars file is.
        id: 'terraform-vars',
        aliases: ['Terraform Variables', 'terraform-vars'],
        extensions: ['.tfvars'],
        configuration: './syntaxes/terraform.language-configuration.json',
      },
    ],
    grammars: [
      { language: 'terraform', scopeName: 'source.hcl.terraform', path: './syntaxes/terraform.tmLanguage.json' },
      { language: 'terraform-vars', scopeName: 'source.hcl.terraform', path: './syntaxes/terraform.tmLanguage.json' },
      {
        scopeName: 'demarc.ignore.injection',
        path: './syntaxes/demarc-ignore.injection.json',
        injectTo: ['source.hcl.terraform', 'source.yaml'],
      },
    ],
    configuration,
    commands,
    viewsContainers: {
      activitybar: [{ id: 'demarc', title: 'Demarc', icon: 'media/activitybar.svg' }],
    },
    views: {
      // The Account view is filled by client/src/views/account.ts; its id is ACCOUNT_VIEW_ID in server/src/aws/protocol.ts.
      demarc: [{ id: 'demarc.account', name: 'AWS Account', contextualTitle: 'Demarc', icon: 'media/activitybar.svg' }],
    },
    menus: {
      commandPalette,
      'view/title': [
        { command: 'demarc.refreshAccount', when: 'view == demarc.account && isWorkspaceTrusted', group: 'navigation@1' },
        { command: 'demarc.connectAccount', when: 'view == demarc.account && isWorkspaceTrusted', group: 'navigation@2' },
        { command: 'demarc.disconnectAccount', when: 'view == demarc.account && isWorkspaceTrusted', group: '1_account@1' },
        { command: 'demarc.showResponsibilityMatrix', when: 'view == demarc.account', group: '2_views@1' },
      ],
      'editor/context': [
        { command: 'demarc.explainResource', when: 'editorLangId =~ /^(terraform|terraform-vars|yaml|json)$/', group: 'navigation@90' },
      ],
    },
    walkthroughs: [
      {
        id: 'demarc.gettingStarted',
        title: 'Get started with Demarc',
        description: 'See where AWS\'s security duties end and yours begin, right in your Terraform and CloudFormation.',
        steps: [
          {
            id: 'demarc.openFile',
            title: 'Open a Terraform or CloudFormation file',
            description: 'Demarc analyzes `.tf` files and CloudFormation templates as you type.\n[Open a File](command:workbench.action.quickOpen)',
            media: { markdown: 'media/walkthrough/open-file.md' },
            completionEvents: ['onLanguage:terraform', 'onLanguage:yaml', 'onLanguage:json'],
          },
          {
            id: 'demarc.readHover',
            title: 'Read a hover',
            description: 'Hover a resource to see who secures each layer, what your code sets and where each value came from.\n[Explain Resource at Cursor](command:demarc.explainResource)',
            media: { markdown: 'media/walkthrough/read-hover.md' },
            completionEvents: ['onCommand:demarc.explainResource'],
          },
          {
            id: 'demarc.quickFix',
            title: 'Apply a quick fix',
            description: 'Put the cursor on a finding and press Ctrl+. (Cmd+. on macOS) to fix it or to suppress it with a reason.\n[Show Problems](command:workbench.actions.view.problems)',
            media: { markdown: 'media/walkthrough/quick-fix.md' },
            completionEvents: ['onCommand:workbench.actions.view.problems'],
          },
          {
            id: 'demarc.connectAccount',
            title: 'Connect an AWS account (optional)',
            description: 'Read-only checks of what the account already enforces, with the credentials you already use.\n[Connect AWS Account](command:demarc.connectAccount)',
            media: { markdown: 'media/walkthrough/connect-account.md' },
            completionEvents: ['onCommand:demarc.connectAccount'],
            when: 'isWorkspaceTrusted',
          },
        ],
      },
    ],
  };

  return {
    activationEvents: [
      'onLanguage:terraform',
      'onLanguage:terraform-vars',
      'onLanguage:yaml',
      'onLanguage:json',
      'workspaceContains:**/*.tf',
      'workspaceContains:**/*.tfvars',
      'workspaceContains:**/template.{yaml,yml,json}',
      'workspaceContains:**/*.template',
      'workspaceContains:**/*.{cfn,cloudformation}.{yaml,yml,json}',
      'workspaceContains:**/.demarc.yaml',
    ],
    contributes,
    capabilities: {
      untrustedWorkspaces: {
        supported: 'limited',
        description: 'In Restricted Mode Demarc still analyzes the files in the workspace, but it never contacts an AWS account, never runs a credential process, reads no files outside the workspace folders, and ignores the workspace\'s AWS settings.',
        restrictedConfigurations: [...RESTRICTED_SETTINGS],
      },
      virtualWorkspaces: {
        supported: false,
        description: 'The Demarc language server reads Terraform modules, variable files and templates from disk, which virtual file systems do not provide.',
      },
    },
    icon: 'media/icon.png',
    galleryBanner: { color: '#1b263b', theme: 'dark' },
    repository: { type: 'git', url: 'https://github.com/demarc-dev/demarc' },
    scripts: {
      package: 'node esbuild.mjs --production && vsce package --no-dependencies --out demarc.vsix',
      'test:vscode': 'node test/vscode/run.mjs',
    },
  };
}

function main(): void {
  const text = readFileSync(pkgUrl, 'utf8');
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const ours = buildClientManifest();
  for (const [key, value] of Object.entries(ours)) {
    // Scripts are shared: only our two entries change, the others stay in place.
    pkg[key] = key === 'scripts' ? { ...(pkg.scripts as Record<string, string>), ...(value as Record<string, string>) } : value;
  }
  const indent = /^( +)"/m.exec(text)?.[1] ?? '  ';
  writeFileSync(pkgUrl, JSON.stringify(pkg, null, indent) + '\n');
  console.log('package.json: client fields updated');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
