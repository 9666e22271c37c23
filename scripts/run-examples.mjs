// Runs every file in examples/ against the fakes (each example starts its own), one after another.
// Used by CI; fails if any example exits non-zero.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('../examples/', import.meta.url);
let failed = 0;
for (const file of readdirSync(dir)
  .filter((name) => /\.(ts|mjs|js)$/.test(name))
  .sort()) {
  console.log(`\n── examples/${file}`);
  const result = spawnSync(process.execPath, [new URL(file, dir).pathname], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`examples/${file} exited ${result.status}`);
  }
}
if (failed > 0) process.exit(1);
