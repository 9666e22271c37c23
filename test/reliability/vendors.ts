import { ClarionClient } from '../../src/clarion/index.js';
import { CloseClient } from '../../src/close/index.js';
import type { ClientOptions } from '../../src/index.js';
import type { FakeApi, FakeServer } from '../../src/testing/index.js';
import { WhippyClient } from '../../src/whippy/index.js';

/** What the reliability tests need to know to drive one vendor through the same faults. */
export interface VendorUnderTest {
  name: 'close' | 'whippy' | 'clarion';
  fake: FakeApi;
  baseUrl: string;
  /** One GET of a model. */
  read(options: ClientOptions & { baseUrl?: string }): Promise<unknown>;
  /** One POST that creates something. */
  write(options: ClientOptions & { baseUrl?: string }): Promise<unknown>;
  /** How many creates the fake has carried out. */
  creates(): number;
  /** The vendor's own 429 headers. */
  rateLimitHeaders: Record<string, string>;
  /** Whether the write's answer is a model (an empty body is then invalid). */
  writeReturnsModel: boolean;
}

/** The three vendors, each bound to a running fake server. */
export function vendorsOf(server: FakeServer): VendorUnderTest[] {
  const close = server.close;
  const whippy = server.whippy;
  const clarion = server.clarion;
  const closeSeq = () => [...close.fake.sequences.keys()][0]!;
  const whippySeq = () => String([...whippy.fake.sequences.values()][0]!.id);
  const clarionSeq = () => [...clarion.fake.sequences.keys()][0]!;
  const clarionDef = () => [...clarion.fake.definitions.keys()][0]!;
  return [
    {
      name: 'close',
      fake: close.fake,
      baseUrl: close.baseUrl,
      read: (o) => new CloseClient({ apiKey: 'test_close_key', baseUrl: close.baseUrl, ...o }).sequences.retrieve(closeSeq()),
      write: (o) =>
        new CloseClient({ apiKey: 'test_close_key', baseUrl: close.baseUrl, ...o }).sequences.create({
          name: 'Fault test',
          timezone: 'UTC',
          steps: [{ step_type: 'call' }],
        }),
      creates: () => close.fake.creates['/sequence/'] ?? 0,
      rateLimitHeaders: { ratelimit: 'limit=10, remaining=0, reset=0.2' },
      writeReturnsModel: true,
    },
    {
      name: 'whippy',
      fake: whippy.fake,
      baseUrl: whippy.baseUrl,
      read: (o) => new WhippyClient({ apiKey: 'test_whippy_key', baseUrl: whippy.baseUrl, ...o }).sequences.retrieve(whippySeq()),
      write: (o) =>
        new WhippyClient({ apiKey: 'test_whippy_key', baseUrl: whippy.baseUrl, ...o }).sequences.contacts.add(whippySeq(), {
          to: [{ phone: '+15550109999' }],
        }),
      creates: () => whippy.fake.writes.length,
      rateLimitHeaders: { 'x-ratelimit-remaining-interval-milliseconds': '200' },
      writeReturnsModel: false,
    },
    {
      name: 'clarion',
      fake: clarion.fake,
      baseUrl: clarion.baseUrl,
      read: (o) => new ClarionClient({ apiKey: 'test_clarion_token', baseUrl: clarion.baseUrl, ...o }).sequences.retrieve(clarionSeq()),
      write: (o) =>
        new ClarionClient({ apiKey: 'test_clarion_token', baseUrl: clarion.baseUrl, ...o }).sequences.batchUpload({
          sequence_definition_id: clarionDef(),
          rows: [{ phoneNumber: '+15550108888', firstName: 'Fault', lastName: 'Test' }],
        }),
      creates: () => clarion.fake.uploads.length,
      rateLimitHeaders: { 'retry-after': '1' },
      writeReturnsModel: true,
    },
  ];
}
