import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeHost, describeFsError } from '../../server/src/host/node-host';

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-host-')).replace(/\\/g, '/');
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('readFile decodes UTF-8, keeps a BOM and CRLF, and replaces invalid bytes with U+FFFD', () =>
  withDir((dir) => {
    const host = createNodeHost();
    writeFileSync(`${dir}/a.tf`, '\uFEFFx = "é"\r\n');
    assert.equal(host.readFile(`${dir}/a.tf`), '\uFEFFx = "é"\r\n');
    writeFileSync(`${dir}/b.tf`, Buffer.from([0x61, 0xff, 0x62]));
    assert.equal(host.readFile(`${dir}/b.tf`), 'a\uFFFDb');
    assert.equal(host.readFile(`${dir}/missing.tf`), undefined);
    assert.equal(host.readFile(dir), undefined, 'a folder is not a file');
  }));

test('readDir follows symlinks to folders; dangling links and link cycles are plain entries', () =>
  withDir((dir) => {
    const host = createNodeHost();
    mkdirSync(`${dir}/sub`);
    writeFileSync(`${dir}/sub/main.tf`, '');
    symlinkSync(`${dir}/sub`, `${dir}/link-to-sub`);
    symlinkSync(`${dir}/nowhere`, `${dir}/dangling`);
    symlinkSync('loop-b', `${dir}/loop-a`);
    symlinkSync('loop-a', `${dir}/loop-b`);
    const entries = host.readDir(dir)!.sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(entries, [
      { name: 'dangling', isDirectory: false },
      { name: 'link-to-sub', isDirectory: true },
      { name: 'loop-a', isDirectory: false },
      { name: 'loop-b', isDirectory: false },
      { name: 'sub', isDirectory: true },
    ]);
    assert.equal(host.readDir(`${dir}/sub/main.tf`), undefined);
    assert.equal(host.realPath!(`${dir}/link-to-sub`), host.realPath!(`${dir}/sub`));
    assert.equal(host.realPath!(`${dir}/loop-a`), undefined);
  }));

test('fileSize comes from stat without reading; undefined for folders and missing files', () =>
  withDir((dir) => {
    const host = createNodeHost();
    writeFileSync(`${dir}/a.tf`, 'x'.repeat(1234));
    assert.equal(host.fileSize!(`${dir}/a.tf`), 1234);
    assert.equal(host.fileSize!(dir), undefined);
    assert.equal(host.fileSize!(`${dir}/nope`), undefined);
  }));

test('an unreadable file throws a message naming the path', () =>
  withDir((dir) => {
    writeFileSync(`${dir}/secret.tf`, 'x');
    chmodSync(`${dir}/secret.tf`, 0);
    try {
      if (process.getuid?.() === 0) {
        // root reads through chmod 000; check the message the loader would show, and that reading still works.
        assert.equal(describeFsError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), `${dir}/secret.tf`), `permission denied reading ${dir}/secret.tf`);
        assert.equal(createNodeHost().readFile(`${dir}/secret.tf`), 'x');
      } else {
        assert.throws(() => createNodeHost().readFile(`${dir}/secret.tf`), /permission denied reading .*secret\.tf/);
      }
    } finally {
      chmodSync(`${dir}/secret.tf`, 0o644);
    }
  }));
