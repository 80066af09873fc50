// The Demarc language server. `createConnection(ProposedFeatures.all)` picks the transport from argv:
// `--node-ipc` when VS Code starts it, `--stdio` for every other editor, `--socket=N`/`--pipe=NAME` also work.
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { register as registerAccount } from './handlers/account';
import type { ServerDeps } from './handlers/deps';
import { createNodeHost } from './host/node-host';
import { createLazyEngine } from './lsp/engine-loader';
import { startServer } from './lsp/start';

const connection = createConnection(ProposedFeatures.all) as unknown as Connection;

/** The account handler reads the AWS settings and feeds the posture to analysis; never in untrusted workspaces. */
function account(c: Connection, deps: ServerDeps): void {
  registerAccount(c, {
    trusted: () => deps.trusted,
    settings: () => {
      const s = deps.settings.latest().aws;
      const out: { profile?: string; region?: string } = {};
      if (s.profile) out.profile = s.profile;
      if (s.region) out.region = s.region;
      return out;
    },
    onPosture: (p) => deps.analysis.setAccount(p),
  });
}

const engine = createLazyEngine();
// `initialize` is answered without the engine; it loads once the client has the answer, usually before the first
// document arrives (a document that comes sooner loads it on the spot).
startServer(connection, { engine, baseHost: createNodeHost(), extraHandlers: [account], onInitialized: () => setImmediate(() => engine.warm()) });

// Keep serving when something slips past the handler guards; the log names it.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

connection.listen();
