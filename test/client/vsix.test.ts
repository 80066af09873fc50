// `npm run package` in a staging copy of the repository (sources linked, not copied), then the VSIX's file list and
// size. Staging keeps the test from rewriting the working tree's dist/ while other tests use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './load';

interface ZipEntry { name: string; method: number; compressedSize: number; offset: number }

/** Reads a ZIP's central directory (enough for a VSIX: no ZIP64, no multi-disk). */
function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'VSIX is a ZIP archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    out.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLen),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      offset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readEntry(zip: Buffer, e: ZipEntry): Buffer {
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  return e.method === 8 ? inflateRawSync(data) : Buffer.from(data);
}

test('npm run package builds a VSIX under 5 MB holding only dist/, syntaxes/, media/ and metadata', { timeout: 300_000 }, () => {
  const stage = mkdtempSync(join(tmpdir(), 'demarc-vsix-'));
  try {
    for (const f of ['package.json', '.vscodeignore', 'esbuild.mjs', 'LICENSE', 'CHANGELOG.md', 'README.md', 'syntaxes', 'media']) {
      if (existsSync(join(repoRoot, f))) cpSync(join(repoRoot, f), join(stage, f), { recursive: true });
    }
    for (const d of ['client', 'server', 'node_modules']) symlinkSync(join(repoRoot, d), join(stage, d), 'dir');
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; name: string };
    // What `npm run package` does: the script in a shell with node_modules/.bin on PATH.
    const r = spawnSync('sh', ['-c', pkg.scripts.package!], {
      cwd: stage,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${join(stage, 'node_modules/.bin')}${delimiter}${process.env.PATH}` },
      timeout: 280_000,
    });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    const vsix = join(stage, 'demarc.vsix');
    const size = statSync(vsix).size;
    console.log(`VSIX: ${(size / 1024).toFixed(1)} KB`);
    assert.ok(size < 5 * 1024 * 1024, `VSIX is ${size} bytes`);

    const zip = readFileSync(vsix);
    const entries = zipEntries(zip);
    const names = entries.map((e) => e.name);
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/package\.json$/,
      /^extension\/(readme|changelog)\.md$/i,
      /^extension\/LICENSE(\.txt)?$/,
      /^extension\/dist\/[\w.-]+\.js$/,
      /^extension\/syntaxes\/[\w.-]+\.json$/,
      /^extension\/media\/[\w./-]+\.(png|svg|md|css|js)$/,
    ];
    for (const n of names) assert.ok(allowed.some((re) => re.test(n)), `unexpected file in VSIX: ${n}`);
    for (const required of [
      'extension/package.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/syntaxes/terraform.tmLanguage.json',
      'extension/syntaxes/demarc-ignore.injection.json',
      'extension/syntaxes/terraform.language-configuration.json',
      'extension/media/icon.png',
      'extension/media/walkthrough/open-file.md',
    ]) {
      assert.ok(names.includes(required), `${required} missing from VSIX (has: ${names.join(', ')})`);
    }
    assert.ok(!names.some((n) => n.endsWith('.map') || n.includes('node_modules') || n.endsWith('.ts')), 'no maps, sources or node_modules');

    // The packaged manifest is the repository's, and the bundle is the production (minified) build.
    const manifest = JSON.parse(readEntry(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8')) as { name: string; main: string };
    assert.equal(manifest.name, pkg.name);
    const client = readEntry(zip, entries.find((e) => e.name === 'extension/dist/client.js')!).toString('utf8');
    assert.ok(!client.includes('sourceMappingURL'), 'production bundle has no source map link');
    assert.match(client, /require\("vscode"\)/, 'vscode stays external');
    const vsixManifest = readEntry(zip, entries.find((e) => e.name === 'extension.vsixmanifest')!).toString('utf8');
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.100\.0"/);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
});
