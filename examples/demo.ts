// A short tour of sequence-apis against local fakes of the vendor APIs (no network, no keys).
// Run it with `npm run demo`.
import { CloseClient, subscriptionsFilter } from 'sequence-apis/close';
import { runsFilter, sequenceContactsFilter, WhippyClient } from 'sequence-apis/whippy';
import { ClarionClient } from 'sequence-apis/clarion';
import { RateLimitError } from 'sequence-apis';
import { startFakeServer } from 'sequence-apis/testing';

const server = await startFakeServer();
console.log(`Fake vendor APIs listening on ${server.url}\n`);

try {
  // ── Close ──────────────────────────────────────────────────────────────
  const close = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key' });

  const seq = await close.sequences.create({
    name: 'Onboarding',
    timezone: 'America/New_York',
    schedule: { ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
    steps: [
      { step_type: 'email', delay: 0, email_template_id: 'tmpl_welcome', threading: 'new_thread' },
      { step_type: 'call', delay: 86_400 },
    ],
  });
  console.log(`Close: created sequence ${seq.id} "${seq.name}" with ${seq.steps.length} steps`);

  for (const [index, name] of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'].entries()) {
    await close.subscriptions.create({
      sequence_id: seq.id,
      contact_id: `cont_demo${index}`,
      contact_email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
      sender_account_id: 'emailacct_demo',
      sender_name: 'Demo Sender',
      sender_email: 'sender@example.org',
    });
  }

  const subscriptionIds: string[] = [];
  for await (const sub of close.subscriptions.list(subscriptionsFilter().sequence(seq.id).limit(2))) {
    subscriptionIds.push(sub.id);
    console.log(`Close: subscription ${sub.id} for ${sub.contact_email} is ${sub.status}`);
  }

  const paused = await close.subscriptions.pause(subscriptionIds[0]!);
  console.log(`Close: paused ${paused.id} (status ${paused.status}, reason ${paused.status_reason})`);

  const { data: counted, rateLimit } = await close.sequences.retrieve(seq.id).withResponse();
  console.log('Close: subscription counts', counted.subscription_counts_by_status, '| rate limit', rateLimit ?? 'not announced');

  // The fake answers 429 with Close's RateLimit header; the client waits for the reset and retries.
  server.close.fake.setRateLimit({ limit: 2, windowMs: 500 });
  const started = Date.now();
  const fetched = await Promise.all([1, 2, 3, 4].map(() => close.sequences.retrieve(seq.id)));
  console.log(
    `Close: ${fetched.length} reads under a 2-per-500ms limit took ${Date.now() - started} ms (429s waited out: ${server.close.fake.rateLimitedCount})`,
  );
  server.close.fake.setRateLimit(undefined);

  const noRetry = new CloseClient({ baseUrl: server.close.baseUrl, apiKey: 'test_close_key', maxRetries: 0, logLevel: 'off' });
  server.close.fake.fail({ status: 429, headers: { ratelimit: 'limit=100, remaining=0, reset=2' } });
  await noRetry.sequences.list().then(
    () => console.log('unexpected success'),
    (error: unknown) => {
      if (error instanceof RateLimitError)
        console.log(`Close: with maxRetries 0 a 429 surfaces as ${error.name}; reset in ${error.rateLimit?.resetMs} ms`);
    },
  );

  const action = await close.bulkSubscriptions.create({ action_type: 'pause', sequence_id: seq.id });
  console.log(`Close: bulk action ${action.id} is ${action.status}\n`);

  // ── Whippy ─────────────────────────────────────────────────────────────
  const whippy = new WhippyClient({ baseUrl: server.whippy.baseUrl, apiKey: 'test_whippy_key' });

  const [welcome] = await whippy.sequences.list({ title: 'Welcome' }).toArray({ limit: 1 });
  const sequence = await whippy.sequences.retrieve(welcome!.id);
  console.log(`Whippy: sequence "${sequence.title}" has steps ${sequence.steps?.map((s) => s.title).join(' → ')}`);

  // 9,000 contacts: Whippy takes 4,000 per call, so the SDK makes three calls and reports each.
  const contacts = Array.from({ length: 9_000 }, (_, i) => ({ phone: `+1 555 ${String(i).padStart(7, '0')}`, name: `Contact ${i}` }));
  const enrolled = await whippy.sequences.contacts.add(sequence.id, { to: contacts });
  console.log(
    `Whippy: enrolled ${enrolled.contacts} contacts in ${enrolled.calls.length} calls: ${enrolled.calls.map((c) => `${c.count}→${c.status}`).join(', ')}`,
  );

  const recent = runsFilter()
    .status('active')
    .after(new Date(Date.now() - 3_600_000));
  let runs = 0;
  for await (const _run of whippy.sequences.runs.list(sequence.id, recent.limit(500), { concurrency: 4 })) runs++;
  console.log(`Whippy: ${runs} active runs started in the last hour (pulled 500 per page, 4 pages ahead)`);

  const [ada] = await whippy.sequences.runs.list(sequence.id, runsFilter().phone('+1 555 000 0000')).toArray({ limit: 1 });
  console.log(`Whippy: run ${ada!.id} for ${ada!.contact?.name} is ${ada!.status}`);

  const responders = await whippy.sequences.contacts.list(sequence.id, sequenceContactsFilter().responded()).toArray({ limit: 100 });
  console.log(`Whippy: ${responders.length} contacts responded: ${responders.map((c) => c.contact?.name).join(', ')}`);

  const contactId = String(responders[0]!.contact!.id);
  for await (const entry of whippy.contacts.sequences.list(contactId)) {
    console.log(
      `Whippy: ${responders[0]!.contact?.name} is in "${entry.sequence?.title}" at step "${entry.current_step?.title}", next "${entry.next_step?.title}"`,
    );
  }

  await whippy.sequences.contacts.remove(sequence.id, { contacts: [{ phone: '+1 555 000 0000' }] });
  const [after] = await whippy.sequences.runs.list(sequence.id, { phone: '+15550000000' }).toArray({ limit: 1 });
  console.log(`Whippy: after removal the run is ${after!.status}\n`);

  // ── Clarion Health ─────────────────────────────────────────────────────
  // Patient data: bodies are never logged unless you set logBodies: true.
  const clarion = new ClarionClient({ baseUrl: server.clarion.baseUrl, apiKey: 'test_clarion_token' });

  const definition = await clarion.definitions.create({ name: 'Flu shot reminder', steps: [{ order: 1, type: 'voice', config: {} }] });
  console.log(`Clarion: definition ${definition.id} "${definition.name}" (${definition.steps_definition?.length} step)`);

  // 250 synthetic patients: Clarion takes 100 rows per call, so this is 3 calls merged into one result.
  const rows = Array.from({ length: 250 }, (_, i) => ({
    phoneNumber: `+1 555 ${String(i).padStart(7, '0')}`,
    firstName: `Pat${i}`,
    lastName: 'Example',
    dateOfBirth: '1980-02-29',
  }));
  server.clarion.fake.doNotCall.add('+15550000042');
  const preview = await clarion.sequences.batchUpload({ sequence_definition_id: definition.id, rows, validate_only: true });
  console.log(
    `Clarion: dry run: ${preview.valid_count}/${preview.total_attempted} rows valid, errors at rows ${preview.errors.map((e) => e.row).join(', ')}`,
  );
  const uploaded = await clarion.sequences.batchUpload({ sequence_definition_id: definition.id, rows });
  console.log(
    `Clarion: uploaded in ${uploaded.calls} calls: ${uploaded.created_count} sequences created, ${uploaded.errors.length} row error(s)`,
  );

  const statuses = new Map<string, number>();
  for await (const s of clarion.sequences.list()) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  console.log('Clarion: sequences by status', Object.fromEntries(statuses));

  const completed = [...server.clarion.fake.sequences.values()].find((s) => s.status === 'completed')!;
  await clarion.sequences.stop(completed.id as number).catch((error: unknown) => console.log(`Clarion: ${(error as Error).message}`));
} finally {
  await server.stop();
}
