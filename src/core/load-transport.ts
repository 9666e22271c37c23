import type * as TransportModule from './transport.js';

/** The lazily loaded ky side of the pipeline. */
export type Transport = typeof TransportModule;

let transportModule: Promise<Transport> | undefined;

/**
 * ky is loaded on the first request, not at import: its import-time feature checks start Node's
 * fetch machinery (about 30 ms), which merely importing or constructing a client should not pay.
 */
export function loadTransport(): Promise<Transport> {
  transportModule ??= import('./transport.js');
  return transportModule;
}
