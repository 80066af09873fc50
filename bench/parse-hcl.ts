// Micro-benchmark of the HCL parser: `npx tsx bench/parse-hcl.ts`. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl, parseTerraformJson } from '../server/src/engine/parse/hcl/index';

const root = join(import.meta.dirname ?? __dirname, '..');
const base = readFileSync(join(root, 'test/engine/parse/hcl/fixtures/realistic.tf'), 'utf8');

/** Copies of the realistic fixture with renamed blocks, until `lines` lines. */
function generate(lines: number): string {
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  const perCopy = base.split('\n').length;
  while (n < lines) {
    parts.push(base.replace(/"(logs|admin|read_logs|tls_only|network|environment|admin_cidrs|bucket_arns)"/g, `"$1_${i}"`));
    n += perCopy;
    i++;
  }
  return parts.join('\n');
}

function toJson(lines: number): string {
  const resource: Record<string, Record<string, unknown>> = { aws_s3_bucket: {} };
  for (let i = 0; resource.aws_s3_bucket && Object.keys(resource.aws_s3_bucket).length * 8 < lines; i++) {
    resource.aws_s3_bucket[`b${i}`] = {
      bucket: `\${local.prefix}-\"logs\"-${i}`,
      tags: { Name: `b${i}`, Owner: 'platform' },
      versioning: [{ enabled: true }],
    };
  }
  return JSON.stringify({ resource }, null, 2);
}

/**
 * Wall time per parse (p50/p95) and process CPU time per parse: on a shared, loaded machine the CPU figure is
 * the steadier one.
 */
function measure(label: string, text: string, parse: (t: string) => unknown, minMs = 1000): void {
  for (let i = 0; i < 20; i++) parse(text); // warm-up
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || times.length < 3) {
    const s = performance.now();
    parse(text);
    times.push(performance.now() - s);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length * 0.5)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const mb = text.length / 1e6;
  const lines = text.split('\n').length;
  console.log(
    `${label.padEnd(32)} ${String(lines).padStart(7)} lines ${(text.length / 1024).toFixed(0).padStart(5)} KiB | wall p50 ${p50.toFixed(2)} ms p95 ${p95.toFixed(2)} ms | cpu ${cpuMs.toFixed(2)} ms/parse, ${(mb / (cpuMs / 1000)).toFixed(1)} MB/s | ${times.length} runs`,
  );
}

measure('native, ~1,000 lines', generate(1000), parseHcl);
measure('native, ~100,000 lines', generate(100_000), parseHcl, 3000);
measure('native, truncated in a heredoc', generate(1000).slice(0, 20_000), parseHcl);
measure('json, ~1,000 lines', toJson(1000), parseTerraformJson);
measure('deep nesting 10,000 [', 'a = ' + '['.repeat(10_000) + ']'.repeat(10_000), parseHcl);
