/** A per-call signal that follows the caller's, and the way to stop following it. */
export interface LinkedSignal {
  signal: AbortSignal | undefined;
  unlink(): void;
}

const unlinked: LinkedSignal = { signal: undefined, unlink: () => {} };

/**
 * Follows `parent` with a signal of the call's own. Handing a long-lived caller signal straight to
 * ky would have it call `AbortSignal.any([parent, …])` on every request, and Node registers each of
 * those as a weak dependant of `parent` that is only cleaned up by finalisation, later: thousands of
 * calls sharing one signal pile them up. One listener, removed when the call ends, leaves nothing.
 */
export function linkSignal(parent: AbortSignal | undefined): LinkedSignal {
  if (parent === undefined) return unlinked;
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, unlink: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, unlink: () => parent.removeEventListener('abort', onAbort) };
}
