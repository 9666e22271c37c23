import { answerHeaders, BODY_USED, TOO_LARGE, type Answer } from './answer.js';
import { handleDelivery, safely, type HandleContext } from './handle.js';
import { declaredTooLarge, joinChunks, TOO_LARGE_BODY } from './read-body.js';
import { MAX_BODY_BYTES } from './answer.js';

/** The parts of node:http's `IncomingMessage` the receiver uses (typed by shape: no Node types needed). */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** True once something read from the stream (Node 16.7+). */
  readonly readableDidRead?: boolean;
  readonly readableEnded?: boolean;
  /** Set by body parsers (Express's `json()`, …): the raw body is gone then. */
  body?: unknown;
  /** A chunk of the raw body. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** The body's end, or a stream error. */
  on(event: 'end' | 'error', listener: (error?: unknown) => void): unknown;
  /** Stops collecting (a body over the limit). */
  removeAllListeners(event: 'data'): unknown;
  /** Drains what is left, so the connection can answer. */
  resume(): unknown;
}

/** The parts of node:http's `ServerResponse` the receiver uses. */
export interface NodeResponseLike {
  /** Sends the status and headers. */
  writeHead(status: number, headers: Record<string, string>): unknown;
  /** Sends the body and ends the answer. */
  end(body?: string): unknown;
}

function consumed(request: NodeRequestLike): boolean {
  return request.readableDidRead === true || request.readableEnded === true || request.body !== undefined;
}

async function answerNode(ctx: HandleContext, request: NodeRequestLike): Promise<Answer> {
  if (consumed(request)) return BODY_USED;
  const length = request.headers['content-length'];
  if (declaredTooLarge(typeof length === 'string' ? length : undefined)) {
    request.resume(); // drain, so the connection can answer
    return TOO_LARGE;
  }
  const body = await readNodeBody(request);
  if (body === TOO_LARGE_BODY) return TOO_LARGE;
  return handleDelivery(ctx, request.headers, body);
}

/** The raw body; past the limit it stops keeping chunks and drains the rest, so the 413 still reaches the sender. */
function readNodeBody(request: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE_BODY> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.byteLength;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.removeAllListeners('data');
      request.resume();
      resolve(TOO_LARGE_BODY);
    });
    request.on('end', () => resolve(joinChunks(chunks, size)));
    request.on('error', reject);
  });
}

/** `receive.node(req, res)`: reads the raw body, answers on `res`. */
export async function receiveNode(ctx: HandleContext, request: NodeRequestLike, response: NodeResponseLike): Promise<void> {
  const answer = await safely(ctx, answerNode(ctx, request));
  response.writeHead(answer.status, answerHeaders(answer));
  response.end(JSON.stringify(answer.body));
}
