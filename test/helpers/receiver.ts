import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One request a receiver got: its raw body and Node's headers, exactly as a user's server would see them. */
export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A plain node:http webhook receiver on 127.0.0.1 that keeps what it gets. */
export async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
