// The stdio transport of the language server, with one change from vscode-languageserver's own: a publishDiagnostics
// whose diagnostics were serialized ahead (in time slices, by AnalysisService) is sent as that JSON instead of being
// serialized again in one piece. A file with 5,000 findings is 3 MB of JSON; serializing and encoding it at once held
// up the open file's hovers for 40 ms. Every other message, and every other transport, is encoded as usual.
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ContentTypeEncoder,
  type DataCallback,
  type Message,
} from 'vscode-languageserver/node';

/** params object → its diagnostics as JSON pieces (see AnalysisSink.sendDiagnostics), taken when the message is encoded. */
const preEncoded = new WeakMap<object, readonly Uint8Array[]>();

/** Marks `params` (a publishDiagnostics' params, passed to the connection as is) as having its diagnostics' JSON. */
export function setEncodedDiagnostics(params: { diagnostics: unknown[] }, pieces: readonly Uint8Array[]): void {
  preEncoded.set(params, pieces);
}

/** True when `params` carries diagnostics serialized ahead that the next encoding will use. */
export function hasEncodedDiagnostics(params: object): boolean {
  return preEncoded.has(params);
}

/** application/json in UTF-8, as vscode-jsonrpc encodes it, but with diagnostics serialized ahead where there are any. */
export const diagnosticsAwareJson: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message) {
    try {
      return Promise.resolve(encodeMessage(msg));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

const COMMA = Buffer.from(',');

/** A message as UTF-8 JSON; exported for tests. */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { params?: unknown }).params;
  const pieces = params !== null && typeof params === 'object' ? preEncoded.get(params) : undefined;
  if (pieces === undefined) return Buffer.from(JSON.stringify(msg), 'utf8');
  preEncoded.delete(params as object);
  const { diagnostics: _, ...rest } = params as { diagnostics: unknown };
  // `diagnostics` goes last, as a placeholder, and `params` is the message's last member.
  const { params: __, ...head } = msg as unknown as Record<string, unknown>;
  const text = JSON.stringify({ ...head, params: { ...rest, diagnostics: 0 } });
  if (!text.endsWith('"diagnostics":0}}')) return Buffer.from(JSON.stringify(msg), 'utf8');
  const parts: Uint8Array[] = [Buffer.from(`${text.slice(0, -3)}[`, 'utf8')];
  pieces.forEach((p, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(p);
  });
  parts.push(Buffer.from(']}}'));
  return Buffer.concat(parts);
}

/**
 * The connection for `--stdio`, built as vscode-languageserver builds it (exit when stdin ends: 0 after a shutdown
 * request, 1 otherwise; console output goes to the client's log, never into the protocol stream) but with the
 * encoder above.
 */
export function createStdioConnection(): Connection {
  let shutdown = false;
  // Noticed on the way in: the server's own shutdown handler is the one `connection.onShutdown` keeps.
  const reader = new (class extends StreamMessageReader {
    override listen(callback: DataCallback) {
      return super.listen((m) => {
        if ((m as { method?: unknown }).method === 'shutdown') shutdown = true;
        callback(m);
      });
    }
  })(process.stdin);
  const connection = createConnection(
    ProposedFeatures.all,
    reader,
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsAwareJson }),
  ) as unknown as Connection;
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toLog = (send: (m: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = toLog((m) => connection.console.log(m));
  console.info = toLog((m) => connection.console.info(m));
  console.debug = toLog((m) => connection.console.log(m));
  console.warn = toLog((m) => connection.console.warn(m));
  console.error = toLog((m) => connection.console.error(m));
  console.trace = toLog((m) => connection.console.log(m));
  return connection;
}
