import { MAX_BODY_BYTES } from './answer.js';

/** Stands for a body over the limit (reading stops there). */
export const TOO_LARGE_BODY = Symbol('too large');

/** Joins chunks into one buffer, or {@link TOO_LARGE_BODY} once they pass the limit. */
export async function collect(
  chunks: AsyncIterable<Uint8Array>,
  stop: () => void,
): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE_BODY> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      stop();
      return TOO_LARGE_BODY;
    }
    parts.push(chunk);
  }
  return joinChunks(parts, size);
}

/** The chunks as one buffer of `size` bytes. */
export function joinChunks(parts: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Whether a `Content-Length` header already says the body is too large. */
export function declaredTooLarge(length: string | null | undefined): boolean {
  return length !== null && length !== undefined && /^\d+$/.test(length.trim()) && Number(length) > MAX_BODY_BYTES;
}

/** A Web stream as chunks (Node's streams are async iterable already; not every runtime's Web streams are). */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
