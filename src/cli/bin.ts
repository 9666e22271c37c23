// The `sequence-apis` command. Ctrl-C aborts the pull; the output file is closed complete.
import { main } from './main.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const code = await main(process.argv.slice(2), { stderr: (line) => process.stderr.write(`${line}\n`), signal: controller.signal });
process.exitCode = code;
