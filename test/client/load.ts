// Loads client modules that have no `vscode` import. The import path is computed so the test project's type-check
// does not pull client sources into its own program (the client is a separate tsc project); each test declares
// the shape it uses.
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function loadClientModule<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(join(repoRoot, 'client/src', relative)).href)) as T;
}
