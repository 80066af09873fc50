// A minimal test runner for the Extension Development Host (mocha is not a dependency): named async tests, run in
// order with a timeout each, failures collected and reported, and one error thrown at the end so runTests fails.
export type TestFn = () => Promise<void> | void;

interface Case {
  name: string;
  fn: TestFn;
  timeoutMs: number;
}

const cases: Case[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  cases.push({ name, fn, timeoutMs });
}

export async function runAll(): Promise<void> {
  const failures: { name: string; error: unknown }[] = [];
  const started = Date.now();
  for (const c of cases) {
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(c.fn),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${c.timeoutMs} ms`)), c.timeoutMs);
        }),
      ]);
      console.log(`  ✔ ${c.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failures.push({ name: c.name, error });
      console.log(`  ✖ ${c.name} (${Date.now() - t0} ms)`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`\n${cases.length - failures.length} passed, ${failures.length} failed (${Date.now() - started} ms)`);
  for (const f of failures) {
    console.log(`\n✖ ${f.name}\n${f.error instanceof Error ? f.error.stack ?? f.error.message : String(f.error)}`);
  }
  if (failures.length > 0) throw new Error(`${failures.length} of ${cases.length} VS Code tests failed`);
}
