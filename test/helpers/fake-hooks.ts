// Hooks into a fake's request handling, for tests that stop, kill or hold a client mid-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FakeApi } from '../../src/testing/index.js';

/** Calls `act` when the fake receives its `n`-th request from now, before answering it. */
export function onRequest(fake: FakeApi, n: number, act: () => void): void {
  const original = fake.handle.bind(fake);
  let seen = 0;
  fake.handle = (request) => {
    if (++seen === n) {
      act();
      fake.handle = original;
    }
    return original(request);
  };
}

/** Holds every request unanswered until `release()`; `arrived` resolves on the first one. */
export function holdRequests(fake: FakeApi): { arrived: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const original = fake.handle.bind(fake);
  fake.handle = async (request) => {
    arrive();
    await gate;
    return original(request);
  };
  return {
    arrived,
    release: () => {
      fake.handle = original;
      release();
    },
  };
}

/** A temporary directory for the file's tests (its path, once `beforeAll` ran), removed after them. */
export function useTempDir(prefix: string): { path: string } {
  const dir = { path: '' };
  beforeAll(() => void (dir.path = mkdtempSync(join(tmpdir(), prefix))));
  afterAll(() => rmSync(dir.path, { recursive: true, force: true }));
  return dir;
}
