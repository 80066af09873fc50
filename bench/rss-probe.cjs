// Preloaded into a benchmarked process (node --require): on exit, writes its peak resident set size and CPU
// time, which with worker threads cover every thread, as JSON to the file named by DEMARC_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const out = process.env.DEMARC_BENCH_RSS_FILE;
  if (!out) return;
  const u = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, userCpuMs: u.userCPUTime / 1000, systemCpuMs: u.systemCPUTime / 1000 }));
});
