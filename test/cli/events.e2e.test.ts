import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { CloseClient } from '../../src/close/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-events-'));
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
  const close = new CloseClient({ baseUrl: server.close.baseUrl, logLevel: 'off' });
  for (const id of [...server.close.fake.subscriptions.keys()].slice(0, 3)) await close.subscriptions.pause(id);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});

async function run(...argv: string[]) {
  const errors: string[] = [];
  const code = await main(argv, { stderr: (line) => errors.push(line), signal: new AbortController().signal });
  return { code, errors };
}

describe('sequence-apis close events list', () => {
  it('pulls subscription events since a date as NDJSON, sending the filters', async () => {
    const out = join(dir, 'events.ndjson');
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const args = ['--object-type', 'sequence_subscription', '--action', 'updated', '--since', since, '--page-size', '2'];
    const { code, errors } = await run('close', 'events', 'list', ...args, '--base-url', server.close.baseUrl, '--out', out, '--quiet');
    expect(errors).toEqual([]);
    expect(code).toBe(EXIT.ok);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { object_type: string; action: string });
    expect(lines).toHaveLength(3);
    expect(lines.every((e) => e.object_type === 'sequence_subscription' && e.action === 'updated')).toBe(true);
    const sent = server.close.fake.requests.filter((r) => r.path === '/event/');
    expect(sent[0]?.query).toMatchObject({
      object_type: 'sequence_subscription',
      action: 'updated',
      date_updated__gte: since,
      _limit: '2',
    });
  });

  it('refuses --object-type alone before sending, naming the supported combinations', async () => {
    const before = server.close.fake.requestCount;
    const { code, errors } = await run(
      'close',
      'events',
      'list',
      '--object-type',
      'sequence_subscription',
      '--base-url',
      server.close.baseUrl,
      '--quiet',
    );
    expect(code).not.toBe(EXIT.ok);
    expect(errors.join('\n')).toMatch(/does not support filtering by --object-type; supported: .*--object-type \+ --action/);
    expect(server.close.fake.requestCount).toBe(before);
  });
});
