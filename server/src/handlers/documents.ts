// Open/change/save/close: keep the overlay host in step with the editor and ask for re-analysis.
import type { Connection } from 'vscode-languageserver';
import type { ServerDeps } from './deps';

export function register(_connection: Connection, deps: ServerDeps): void {
  const { documents, host, uris, analysis, settings } = deps;

  documents.onDidOpen((e) =>
    deps.guard('didOpen', undefined, () => {
      const path = uris.remember(e.document.uri);
      if (path === undefined) return;
      host.setDocument(path, { text: e.document.getText(), version: e.document.version });
      analysis.touch(path, 0);
    }),
  );

  documents.onDidChangeContent((e) =>
    deps.guard('didChange', undefined, async () => {
      const path = uris.remember(e.document.uri);
      if (path === undefined) return;
      host.setDocument(path, { text: e.document.getText(), version: e.document.version });
      // onDidChangeContent also fires on open; the open handler already scheduled that one.
      if (e.document.version === firstVersion.get(e.document.uri)) return;
      const s = await settings.get(path);
      if (s.run === 'onType') analysis.touch(path, s.analysis.debounceMs);
    }),
  );

  const firstVersion = new Map<string, number>();
  documents.onDidOpen((e) => firstVersion.set(e.document.uri, e.document.version));

  documents.onDidSave((e) =>
    deps.guard('didSave', undefined, async () => {
      const path = uris.remember(e.document.uri);
      if (path === undefined) return;
      const s = await settings.get(path);
      if (s.run === 'onSave') analysis.touch(path, 0);
    }),
  );

  documents.onDidClose((e) =>
    deps.guard('didClose', undefined, () => {
      firstVersion.delete(e.document.uri);
      const path = uris.remember(e.document.uri);
      if (path === undefined) return;
      host.removeDocument(path);
      // The file on disk is what counts again (unsaved edits were discarded); a file that never existed leaves its unit.
      analysis.touch(path, 0);
      uris.forget(path);
    }),
  );
}
