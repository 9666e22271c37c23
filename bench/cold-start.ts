// Target 6: importing one vendor entry point, above a bare `node -e ''`, median of interleaved runs.
import { execFileSync } from 'node:child_process';
import { median, type Result } from './support.ts';

function timeNode(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
  return performance.now() - started;
}

export function coldStart(smoke: boolean): Result[] {
  const runs = smoke ? 5 : 30;
  const results: Result[] = [];
  for (const entry of ['close', 'whippy', 'clarion']) {
    const bare: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(timeNode(['--input-type=module', '-e', '']));
      loaded.push(timeNode(['--input-type=module', '-e', `await import('sequence-apis/${entry}')`]));
    }
    const extra = median(loaded) - median(bare);
    results.push({
      target: `cold start: import sequence-apis/${entry}`,
      measured: `+${extra.toFixed(1)} ms over node -e ''`,
      limit: '<= 30 ms',
      ok: extra <= 30,
    });
  }
  return results;
}
