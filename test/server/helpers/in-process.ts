// Starts the server's handlers on an in-process connection (stream pairs), with a given engine.
import { createConnection, StreamMessageReader, StreamMessageWriter, type Connection, type ContentTypeEncoder } from 'vscode-languageserver/node';
import { createFsHost } from '../../../server/src/lsp/host';
import type { EnginePort } from '../../../server/src/lsp/engine-port';
import { startServer, type StartedServer, type StartOptions } from '../../../server/src/lsp/start';
import { diagnosticsAwareJson } from '../../../server/src/lsp/wire';
import { LspClient, type ClientOptions } from './lsp-client';

/**
 * `writer`: the stdio server's (diagnostics serialized ahead are used, the default), vscode-jsonrpc's own (`plain`),
 * or another content-type encoder.
 */
export function startInProcess(
  engine: EnginePort,
  options: ClientOptions = {},
  start: Partial<StartOptions> = {},
  writer: 'plain' | ContentTypeEncoder = diagnosticsAwareJson,
): { client: LspClient; connection: Connection; server: StartedServer; stop(): Promise<void> } {
  const { client, serverIn, serverOut } = LspClient.streamPair(options);
  // Reader/writer rather than raw streams: with streams the library exits the process when they end.
  const connection = createConnection(new StreamMessageReader(serverIn), new StreamMessageWriter(serverOut, writer === 'plain' ? undefined : { charset: 'utf-8', contentTypeEncoder: writer }));
  const server = startServer(connection, { engine, baseHost: createFsHost(), ...start });
  connection.listen();
  return {
    client,
    connection,
    server,
    async stop() {
      await client.shutdown(false);
      connection.dispose();
      serverIn.destroy();
      serverOut.destroy();
    },
  };
}
