import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullToFile, stateFileOf, type FileFormat, type PullPosition } from '../../src/pull/index.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';
import { CloseClient } from '../../src/close/index.js';

let server: FakeServer;
let dir: string;
let close: CloseClient;
let sequenceId: string;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-files-'));
  close = new CloseClient({ apiKey: 'test_close_key', baseUrl: server.close.baseUrl, pacing: false, logLevel: 'off' });
  sequenceId = [...server.close.fake.sequences.keys()][0]!;
  server.close.fake.seedSubscriptions(sequenceId, 130);
});
afterAll(() => server.stop());

const subscriptions = (signal?: AbortSignal) => (at: PullPosition | undefined) =>
  close.subscriptions.list({ sequence_id: sequenceId, _limit: 10, _skip: at && 'offset' in at ? at.offset : 0 }, signal ? { signal } : {});

let n = 0;
const fileFor = (format: FileFormat) => join(dir, `pull-${n++}.${format}`);

describe('pullToFile', () => {
  it.each(['ndjson', 'csv', 'json'] as const)(
    '%s: interrupted at random points and resumed gives the same bytes as an uninterrupted pull, and the state file goes once complete',
    async (format) => {
      const reference = fileFor(format);
      await pullToFile(subscriptions(), { path: reference, format });
      const expected = readFileSync(reference, 'utf8');
      expect(expected.length).toBeGreaterThan(100);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (stops, crash) => {
          const path = fileFor(format);
          for (const stopAfterPages of stops) {
            const controller = new AbortController();
            let pages = 0;
            await pullToFile(subscriptions(controller.signal), {
              path,
              format,
              resume: true,
              onPage: () => ++pages >= stopAfterPages && controller.abort(),
            }).catch((error: unknown) => expect(controller.signal.aborted, String(error)).toBe(true));
            // A crash mid-page leaves bytes after the last saved state: the resume must drop them.
            if (crash && existsSync(path)) appendFileSync(path, format === 'csv' ? 'sub_partial,se' : '{"id":"sub_par');
          }
          await pullToFile(subscriptions(), { path, format, resume: true });
          expect(readFileSync(path, 'utf8')).toBe(expected);
          expect(existsSync(stateFileOf(path))).toBe(false);
        }),
        { numRuns: 5 },
      );
    },
  );

  it('keeps an interrupted JSON array complete, and the state file names the offset to continue from', async () => {
    const path = fileFor('json');
    const controller = new AbortController();
    await pullToFile(subscriptions(controller.signal), { path, format: 'json', onPage: (s) => s.pages === 3 && controller.abort() }).catch(
      () => undefined,
    );
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveLength(30);
    expect(JSON.parse(readFileSync(stateFileOf(path), 'utf8'))).toMatchObject({
      version: 1,
      items: 30,
      position: { offset: 30 },
      complete: false,
    });
  });

  it('refuses to resume a file whose state belongs to another pull', async () => {
    const path = fileFor('ndjson');
    const controller = new AbortController();
    await pullToFile(subscriptions(controller.signal), { path, format: 'ndjson', key: 'a', onPage: () => controller.abort() }).catch(
      () => undefined,
    );
    await expect(pullToFile(subscriptions(), { path, format: 'ndjson', key: 'b', resume: true })).rejects.toThrow(
      /belongs to another pull/,
    );
  });

  it('leaves no file behind when the pull fails before its first item', async () => {
    const path = fileFor('csv');
    const refused = new CloseClient({ apiKey: 'wrong', baseUrl: server.close.baseUrl, pacing: false, logLevel: 'off' });
    await expect(pullToFile(refused.sequences.list(), { path, format: 'csv' })).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
  });
});
