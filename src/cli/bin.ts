// The `sequence-apis` command. Ctrl-C or SIGTERM aborts the pull or sync; the output file is closed complete.
import { EXIT } from './exit-codes.js';
import { main } from './main.js';

// A reader that left (`| head -1`) is no failure: the pull sees the EPIPE itself (run.ts), stops and
// exits 0 after its cleanup; here it must only not crash. Any other stdout failure is one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`sequence-apis: cannot write to stdout: ${error.message}\n`);
  process.exit(EXIT.output);
});
// stderr may be the same closed pipe (`2>&1 | head -1`): nobody is left to read a message there.
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
const controller = new AbortController();
// SIGTERM (cron, Docker, Kubernetes) stops a pull or sync as cleanly as Ctrl-C: the page in flight
// is dropped, the output closed complete and the resume state saved; the exit code then says which.
let terminated = false;
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => {
  terminated = true;
  controller.abort();
});
const code = await main(process.argv.slice(2), { stderr: (line) => process.stderr.write(`${line}\n`), signal: controller.signal });
process.exitCode = terminated && code === EXIT.interrupted ? EXIT.terminated : code;
