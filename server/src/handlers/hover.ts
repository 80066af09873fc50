// Hover: resource, attribute, reference or suppression comment under the cursor.
import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { hoverAt } from '../lsp/hover-content';
import type { ServerDeps } from './deps';

export function register(connection: Connection, deps: ServerDeps): void {
  connection.onHover((params) =>
    deps.guard<Hover | null>('hover', null, async () => {
      const doc = deps.documents.get(params.textDocument.uri);
      const path = deps.uris.remember(params.textDocument.uri);
      if (!doc || path === undefined) return null;
      // In a local module, the calling unit knows the inputs: its view comes first, as for diagnostics.
      for (const entry of await deps.analysis.freshAll(path)) {
        // The analysis must be of this very text, or offsets would point elsewhere.
        if (entry.versions.get(path) !== doc.version) continue;
        const file = entry.result.files.find((f) => f.path === path);
        if (!file) continue;
        const offset = file.lines.offsetAt(params.position);
        const hit = hoverAt(entry.result, path, offset, { engine: deps.engine, uriOf: (p) => deps.uris.uri(p), onError: (m) => connection.console.error(`[hover] ${m}`), commandLinks: deps.commandLinks });
        if (!hit) continue;
        return {
          contents: { kind: MarkupKind.Markdown, value: hit.markdown },
          range: file.lines.rangeOf(hit.span.start, hit.span.end),
        };
      }
      return null;
    }),
  );
}
