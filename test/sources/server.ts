import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:PORT/path`. */
  url(path?: string): string;
  port: number;
  /** Requests received, in order (method, path and headers). */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1, port 0 (never another address), for one test. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Sends a body with a content type (and optional extra headers). */
export function send(res: ServerResponse, status: number, contentType: string | null, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...(contentType ? { 'content-type': contentType } : {}), ...headers });
  res.end(body);
}
