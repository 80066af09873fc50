// The Demarc language server. `--stdio` (VS Code's extension and every other editor) gets lsp/wire.ts's connection;
// otherwise `createConnection(ProposedFeatures.all)` picks the transport from argv: `--node-ipc`, `--socket=N`,
// `--pipe=NAME`.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { registerWithAnalysis } from './handlers/account';
import { createNodeHost } from './host/node-host';
import { createLazyEngine } from './lsp/engine-loader';
import { createScanPool } from './lsp/scan-pool';
import { startServer, type StartOptions } from './lsp/start';
import { createStdioConnection } from './lsp/wire';

// stdio gets its own writer (see lsp/wire.ts); IPC, sockets and pipes are vscode-languageserver's.
const connection = process.argv.includes('--stdio') ? createStdioConnection() : (createConnection(ProposedFeatures.all) as unknown as Connection);

const engine = createLazyEngine();
// `initialize` is answered without the engine; it loads once the client has the answer, usually before the first
// document arrives (a document that comes sooner loads it on the spot).
startServer(connection, { engine, baseHost: createNodeHost(), extraHandlers: [registerWithAnalysis], onInitialized: () => setImmediate(() => engine.warm()), scanPool: scanPool() });

/**
 * Worker threads for the large units of a workspace scan (the CLI's dist/scan-worker.js, next to this file), so the
 * editor's file never waits behind a large module or template. DEMARC_SCAN_THREADS sets how many (0: none, all
 * in-process); by default one fewer than the cores, at least one and at most four.
 */
function scanPool(): StartOptions['scanPool'] {
  const script = join(__dirname, 'scan-worker.js');
  if (!existsSync(script)) return undefined;
  const fromEnv = process.env.DEMARC_SCAN_THREADS;
  const threads = fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : Math.max(1, Math.min(4, availableParallelism() - 1));
  if (threads === 0) return undefined;
  return (_units, restrictTo) => createScanPool(script, threads, restrictTo);
}

// Keep serving when something slips past the handler guards; the log names it.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e instanceof Error ? e.stack : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

connection.listen();
