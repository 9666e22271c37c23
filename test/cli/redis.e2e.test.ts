import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { openClient } from '../redis/clients.js';

let server: FakeServer;
// The run's shared redis-server (test/setup/services.ts).
const redis = { url: inject('redisUrl') };
let dir: string;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-cli-redis-'));
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

describe('sequence-apis --redis', () => {
  it('paces a pull through the shared budget in Redis and lets go of the connection at the end', async () => {
    const sequenceId = String(server.whippy.fake.addSequence('CLI shared', ['One']).id);
    server.whippy.fake.seedRuns(sequenceId, 120);
    const out = join(dir, 'runs.ndjson');
    const errors: string[] = [];
    const argv = ['whippy', 'runs', 'list', '--sequence', sequenceId, '--page-size', '10', '--out', out, '--quiet'];
    const code = await main([...argv, '--base-url', server.whippy.baseUrl, '--redis', redis.url], {
      stderr: (line) => errors.push(line),
      signal: new AbortController().signal,
    });
    expect({ code, errors }).toEqual({ code: EXIT.ok, errors: [] });
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(120);
    const { command, close } = await openClient('ioredis', redis.url);
    const keys = (await command('KEYS', 'sequence-apis:rl:{whippy:*')) as string[];
    await close();
    expect(keys.some((key) => key.endsWith('}:state'))).toBe(true);
  });
});
