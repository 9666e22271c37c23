import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import type { RunContext } from '../../src/cli/run.js';
import { startFakeServer, type FakeServer } from '../../src/testing/index.js';

let server: FakeServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeServer();
  dir = mkdtempSync(join(tmpdir(), 'sequence-apis-usage-'));
  vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
  vi.stubEnv('CLOSE_API_KEY', 'test_close_key');
  vi.stubEnv('CLARION_API_KEY', 'test_clarion_token');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
});
beforeEach(() => {
  server.whippy.fake.resetFaults();
  server.close.fake.resetFaults();
  server.clarion.fake.resetFaults();
});

async function run(argv: string[], extra: Partial<RunContext> = {}) {
  const errors: string[] = [];
  const code = await main(argv, { stderr: (line) => errors.push(line), signal: new AbortController().signal, ...extra });
  return { code, errors };
}
const sent = () => server.whippy.fake.requestCount + server.close.fake.requestCount + server.clarion.fake.requestCount;

describe('sequence-apis usage and failures: one line, the right exit code, never a stack', () => {
  it('with no command, prints the help alone (no internal marker) and exits with the usage code', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const { code, errors } = await run([]);
      expect(code).toBe(EXIT.usage);
      expect(errors).toEqual([]);
      const printed = [...stderr.mock.calls, ...stdout.mock.calls].map(([chunk]) => String(chunk)).join('');
      expect(printed).toContain('Usage: sequence-apis');
      expect(printed).not.toContain('(outputHelp)');
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  it('prints its version with --version', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect((await run(['--version'])).code).toBe(EXIT.ok);
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      expect(write).toHaveBeenCalledWith(`${pkg.version}\n`);
    } finally {
      write.mockRestore();
    }
  });

  it('describes every resource and verb in words of its own, not by repeating its name', () => {
    const program = buildProgram({ stderr: () => {}, signal: new AbortController().signal }, () => {});
    for (const vendor of program.commands.filter((c) => ['close', 'whippy', 'clarion'].includes(c.name()))) {
      for (const resource of vendor.commands) {
        expect(resource.description()).not.toBe(`${vendor.name()} ${resource.name()}`);
        for (const verb of resource.commands) {
          expect(verb.description(), `${vendor.name()} ${resource.name()} ${verb.name()}`).not.toMatch(
            new RegExp(`^(${verb.name()}|fetch) `),
          );
        }
      }
    }
  });

  it('reports a mistyped option as unknown, with the suggestion, in one line and a hint', async () => {
    const result = await run(['whippy', 'runs', 'list', '--sequnce', 's1']);
    expect(result).toEqual({
      code: EXIT.usage,
      errors: [
        "sequence-apis: unknown option '--sequnce' (did you mean --sequence?)",
        'Run "sequence-apis whippy runs list --help" for usage.',
      ],
    });
  });

  it('reports an unknown command and a missing required option in one line and a hint, sending nothing', async () => {
    expect((await run(['whippy', 'flows', 'list'])).errors).toEqual([
      expect.stringMatching(/^sequence-apis: unknown command 'flows'/),
      'Run "sequence-apis whippy --help" for usage.',
    ]);
    expect((await run(['whippy', 'runs', 'list'])).errors).toEqual([
      'sequence-apis: missing --sequence <id>: the sequence (required)',
      'Run "sequence-apis whippy runs list --help" for usage.',
    ]);
    expect(sent()).toBe(0);
  });

  it('names the flags, not the API fields, when a scope is missing', async () => {
    const result = await run(['close', 'subscriptions', 'list', '--base-url', server.close.baseUrl]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/--sequence, --contact or --lead/);
    expect(result.errors[0]).not.toMatch(/sequence_id|contact_id|lead_id/);
  });

  it('names the environment variable when the credential is missing', async () => {
    vi.stubEnv('WHIPPY_API_KEY', '');
    try {
      const result = await run(['whippy', 'sequences', 'list', '--base-url', server.whippy.baseUrl]);
      expect(result).toEqual({ code: EXIT.usage, errors: ['sequence-apis: no credential: set WHIPPY_API_KEY'] });
    } finally {
      vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
    }
  });

  it('refuses a --page-size over the maximum its help states, sending nothing', async () => {
    const result = await run(['whippy', 'sequences', 'list', '--page-size', '5000', '--base-url', server.whippy.baseUrl]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.errors[0]).toMatch(/--page-size.*must be at most 500/);
    expect(sent()).toBe(0);
  });

  it('names the flag (--sequence), not the SDK parameter, when an id is wrong', async () => {
    const result = await run(['whippy', 'runs', 'list', '--sequence', 'a/b', '--base-url', server.whippy.baseUrl]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^sequence-apis: --sequence: is not a valid id/);
    expect(result.errors[0]).not.toMatch(/sequenceId/);
    expect(sent()).toBe(0);
  });

  it('refuses --redis notaurl as a usage error (exit code, not a warning and a pull alone)', async () => {
    const result = await run(['whippy', 'sequences', 'list', '--redis', 'notaurl', '--base-url', server.whippy.baseUrl]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.errors[0]).toMatch(/--redis.*redis:\/\//);
    expect(sent()).toBe(0);
  });

  it('refuses a non-numeric Clarion id as such', async () => {
    const result = await run(['clarion', 'sequences', 'get', 'abc', '--base-url', server.clarion.baseUrl]);
    expect(result).toEqual({ code: EXIT.usage, errors: ['sequence-apis: <id>: must be a whole number, got "abc" (see --help)'] });
  });

  it('names the API and its host when nothing answers', async () => {
    const result = await run(['close', 'sequences', 'list', '--base-url', 'http://127.0.0.1:9/api/v1']);
    expect(result).toEqual({
      code: EXIT.network,
      errors: [expect.stringMatching(/^sequence-apis: Could not reach the Close API at http:\/\/127\.0\.0\.1:9\b/)],
    });
  });

  it('reports an unwritable --out in one line with exit code 8, before sending anything', async () => {
    const result = await run([
      'whippy',
      'sequences',
      'list',
      '--format',
      'csv',
      '--out',
      '/nonexistent/dir/x.csv',
      '--base-url',
      server.whippy.baseUrl,
    ]);
    expect(result).toEqual({
      code: EXIT.output,
      errors: ['sequence-apis: cannot write /nonexistent/dir/x.csv: no such directory (ENOENT)'],
    });
    expect(sent()).toBe(0);
  });

  it.each(['csv', 'ndjson', 'json', 'sqlite'])(
    'leaves no %s file behind when the pull fails before its first item (a 401)',
    async (format) => {
      vi.stubEnv('WHIPPY_API_KEY', 'wrong');
      try {
        const out = join(dir, `refused.${format}`);
        const result = await run(['whippy', 'sequences', 'list', '--format', format, '--out', out, '--base-url', server.whippy.baseUrl]);
        expect(result.code).toBe(EXIT.auth);
        expect(result.errors).toHaveLength(1);
        expect(existsSync(out)).toBe(false);
      } finally {
        vi.stubEnv('WHIPPY_API_KEY', 'test_whippy_key');
      }
    },
  );

  it('ends quietly with exit 0 when the reader of stdout goes away (EPIPE, as with `| head -1`)', async () => {
    let writes = 0;
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const sequence = server.whippy.fake.addSequence('Pipe', ['One']);
    server.whippy.fake.seedRuns(String(sequence.id), 120);
    const result = await run(
      [
        'whippy',
        'runs',
        'list',
        '--sequence',
        String(sequence.id),
        '--page-size',
        '20',
        '--format',
        'csv',
        '--base-url',
        server.whippy.baseUrl,
      ],
      { stdout },
    );
    expect(result).toEqual({ code: EXIT.ok, errors: [] });
    expect(writes).toBe(1);
    expect(server.whippy.fake.requestCount).toBeLessThan(6);
  });
});
