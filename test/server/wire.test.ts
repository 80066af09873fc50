// A file with thousands of findings: its diagnostics are converted and serialized in time slices, and the stdio
// writer (lsp/wire.ts) sends that JSON instead of serializing them again. What reaches the client must be exactly
// what vscode-jsonrpc's own encoder sends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentTypeEncoder, Message, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { ENCODE_MIN_FINDINGS } from '../../server/src/lsp/analysis';
import { createEngine } from '../../server/src/lsp/engine';
import { pathToUri } from '../../server/src/lsp/uri';
import { diagnosticsAwareJson, encodeMessage, hasEncodedDiagnostics, setEncodedDiagnostics } from '../../server/src/lsp/wire';
import { startInProcess } from './helpers/in-process';
import { positionAt } from './helpers/lsp-client';

/** Diagnostics in pieces of `per`, as AnalysisService makes them: comma-separated JSON, UTF-8. */
function pieces(diagnostics: unknown[], per: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < diagnostics.length; i += per) out.push(Buffer.from(diagnostics.slice(i, i + per).map((d) => JSON.stringify(d)).join(','), 'utf8'));
  return out;
}

const diagnostic = (i: number, message = `finding ${i}`) => ({
  range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
  severity: 2,
  source: 'demarc',
  code: 'aws-ec2-ebs-encryption',
  message,
  data: { fixable: true, fingerprint: `aws-ec2-ebs-encryption@${i}-${i + 7}#r`, resource: 'r' },
});

describe('encodeMessage', () => {
  const publish = (params: object): Message => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message);

  type Params = { uri: string; version?: number; diagnostics: unknown[] };
  for (const [name, params, per] of [
    ['with a version, several pieces', { uri: 'file:///w/main.tf', version: 3, diagnostics: Array.from({ length: 10 }, (_, i) => diagnostic(i)) }, 3],
    ['without a version, one piece', { uri: 'file:///w/main.tf', diagnostics: [diagnostic(0), diagnostic(1)] }, 100],
    ['non-ASCII text and a URI with escapes', { uri: 'file:///w/d%C3%BCr/main.tf', diagnostics: [diagnostic(0, 'völ_😀 is "quoted" \\ and\nmultiline'), diagnostic(1, '\u2028')] }, 1],
    ['no diagnostics', { uri: 'file:///w/main.tf', diagnostics: [] }, 1],
  ] as [string, Params, number][]) {
    test(`pieces give the same bytes as JSON.stringify: ${name}`, () => {
      const msg = publish(params);
      const expected = Buffer.from(JSON.stringify(msg), 'utf8');
      setEncodedDiagnostics(params, pieces(params.diagnostics, per));
      assert.ok(hasEncodedDiagnostics(params));
      assert.deepEqual(encodeMessage(msg), expected);
      assert.equal(hasEncodedDiagnostics(params), false, 'used once, then forgotten');
      assert.deepEqual(encodeMessage(msg), expected, 'and encoded as usual afterwards');
    });
  }

  test('diagnostics first among the params: still one valid message with the same content', () => {
    const params = { diagnostics: [diagnostic(0)], uri: 'file:///w/main.tf', version: 1 };
    const msg = publish(params);
    setEncodedDiagnostics(params, pieces(params.diagnostics, 1));
    assert.deepEqual(JSON.parse(encodeMessage(msg).toString('utf8')), msg);
  });

  test('messages without pieces are encoded as vscode-jsonrpc encodes them', async () => {
    for (const msg of [
      { jsonrpc: '2.0', id: 4, result: { contents: { kind: 'markdown', value: 'Bucket «logs»' } } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: [diagnostic(1)] } },
      { jsonrpc: '2.0', id: 5, method: 'workspace/configuration', params: [{ section: 'demarc' }] },
    ] as unknown as Message[]) {
      const ours = await diagnosticsAwareJson.encode(msg, { charset: 'utf-8' });
      assert.deepEqual(Buffer.from(ours), Buffer.from(JSON.stringify(msg), 'utf8'));
    }
  });
});

describe('a file with more findings than ENCODE_MIN_FINDINGS, over a real connection', () => {
  let ws: string;
  const volumes = ENCODE_MIN_FINDINGS + 100;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'demarc-wire-')).replace(/\\/g, '/');
    const volume = (i: number) => `resource "aws_ebs_volume" "völ_${i}_😀" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n\n`;
    mkdirSync(`${ws}/big`);
    writeFileSync(`${ws}/big/main.tf`, Array.from({ length: volumes }, (_, i) => volume(i)).join(''));
    mkdirSync(`${ws}/small`);
    writeFileSync(`${ws}/small/main.tf`, volume(0));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  /** Every publishDiagnostics of a workspace scan, by URI, and how many went out as pieces. */
  async function scan(writer: 'plain' | ContentTypeEncoder): Promise<Map<string, PublishDiagnosticsParams>> {
    const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 } } }, {}, writer);
    try {
      await s.client.initialize(pathToUri(ws));
      await s.client.waitFor(() => s.client.progress.some((p) => p.value.kind === 'end'), 60_000, 'end of the scan');
      return new Map(s.client.diagnostics);
    } finally {
      await s.stop();
    }
  }

  test('the client receives exactly what the plain encoder sends, and the large file went as pieces', async () => {
    let asPieces = 0;
    const counting: ContentTypeEncoder = {
      name: 'application/json',
      encode(msg, options) {
        const params = (msg as { params?: unknown }).params;
        if (params && typeof params === 'object' && hasEncodedDiagnostics(params)) asPieces++;
        return diagnosticsAwareJson.encode(msg, options);
      },
    };
    const ours = await scan(counting);
    const plain = await scan('plain');
    assert.deepEqual([...ours.keys()].sort(), [...plain.keys()].sort());
    for (const [uri, p] of plain) assert.deepEqual(ours.get(uri), p, uri);
    const big = ours.get(pathToUri(`${ws}/big/main.tf`))!;
    assert.equal(big.diagnostics.filter((d) => d.code === 'aws-ec2-ebs-encryption').length, volumes);
    assert.ok(big.diagnostics.some((d) => (d.data as { resource?: string }).resource === 'aws_ebs_volume.völ_7_😀'));
    // The large unit's file went as pieces; the small unit (one finding) was serialized as usual.
    assert.equal(asPieces, 1);
  });

  test('edits to the open large file while its findings are converted: the last version is published, in order', async () => {
    const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 } } });
    try {
      await s.client.initialize(pathToUri(ws), { scanOnStart: false });
      const uri = pathToUri(`${ws}/big/main.tf`);
      // Enough findings that converting them takes several time slices.
      const many = 3000;
      const text = Array.from({ length: many }, (_, i) => `resource "aws_ebs_volume" "v${i}" {\n  availability_zone = "eu-west-1a"\n  size = 10\n  encrypted = false\n}\n`).join('');
      await s.client.open(uri, text);
      // Five edits in a row, each turning one more volume's encryption on, without waiting for diagnostics.
      let version = 1;
      let current = text;
      for (let k = 0; k < 5; k++) {
        const at = current.indexOf('encrypted = false');
        const start = positionAt(current, at + 'encrypted = '.length);
        const end = positionAt(current, at + 'encrypted = false'.length);
        current = current.slice(0, at + 'encrypted = '.length) + 'true' + current.slice(at + 'encrypted = false'.length);
        version = await s.client.change(uri, [{ range: { start, end }, text: 'true' }]);
      }
      const last = await s.client.diagnosticsFor(uri, version, () => true, 60_000);
      assert.equal(last.filter((d) => d.code === 'aws-ec2-ebs-encryption').length, many - 5);
      const versions = (s.client.publishedVersions.get(uri) ?? []).map((v) => v ?? -1);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions in order: ${versions.join(',')}`);
    } finally {
      await s.stop();
    }
  });
});

test('a large template edited into plain YAML while its findings are converted: nothing of it stays published', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'demarc-wire-drop-')).replace(/\\/g, '/');
  const s = startInProcess(createEngine(), { settings: { analysis: { debounceMs: 0 } } });
  try {
    await s.client.initialize(pathToUri(ws), { scanOnStart: false });
    const uri = pathToUri(`${ws}/stack.yaml`);
    const volumes = Array.from({ length: 3000 }, (_, i) => `  Vol${i}:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n`).join('');
    const template = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${volumes}`;
    await s.client.open(uri, template, 'yaml');
    // Make it no template while the first analysis is under way: the change is taken in while settings are fetched
    // or between the slices of the conversion.
    await new Promise((r) => setTimeout(r, 5));
    await s.client.replace(uri, 'name: not a template\nitems: [1, 2]\n');
    // Time for the old run to finish its slices (about 0.3 s of work); it must publish nothing.
    await new Promise((r) => setTimeout(r, 2000));
    assert.deepEqual(s.client.diagnostics.get(uri)?.diagnostics ?? [], [], `published versions: ${JSON.stringify(s.client.publishedVersions.get(uri))}`);
  } finally {
    await s.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
