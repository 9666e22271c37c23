/**
 * `sequence-apis/testing`: stateful fakes of the vendor APIs for your own tests, behind a real
 * HTTP server on 127.0.0.1 (`startFakeServer`) or as msw handlers (`fakeHandlers`, from
 * `sequence-apis/testing/msw`). Nothing here imports msw: only `sequence-apis/testing/msw` needs it.
 * @packageDocumentation
 */
export { FakeApi, json, TRANSPORT_FAULT } from './fake-api.js';
export type { FakeFault, FakeRateLimit, SeenRequest, RouteContext, RouteHandler, FakeRecord, TransportFault } from './fake-api.js';
export { CloseFake } from './close/fake.js';
export type { CloseFakeOptions } from './close/fake.js';
export { WhippyFake } from './whippy/fake.js';
export type { WhippyFakeOptions } from './whippy/fake.js';
export { ClarionFake } from './clarion/fake.js';
export type { ClarionFakeOptions } from './clarion/fake.js';
export { startFakeServer } from './server.js';
export type { FakeServer, FakeServerOptions, ServedFake } from './server.js';
export { signCloseWebhook, signClarionWebhook, signWhippyWebhook, createClarionTestKeys } from './webhook-signers.js';
export type { SignOptions, ClarionSignOptions, WhippySignOptions } from './webhook-signers.js';
export { WebhookOutbox } from './webhook-outbox.js';
export type { WebhookDelivery } from './webhook-outbox.js';
export { CloseEventLog } from './close/events.js';
export type { RouteRegistrar } from './close/events.js';
export type { ClarionFakeWebhooks } from './clarion/fake.js';
export type { WhippyFakeWebhooks } from './whippy/webhooks.js';
