/**
 * A real server for the tests: a SQLite file in a fresh temp directory, fastify listening on
 * 127.0.0.1 port 0, requests over HTTP with the global fetch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from '../../src/api/server.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

export interface TestServer {
  base: string;
  port: number;
  store: Store;
  app: FastifyInstance;
  dbPath: string;
  close(): Promise<void>;
}

/** Starts a server on a new database holding `records`; `host` only decides the access rules. */
export async function startServer(options: Partial<Omit<ServerOptions, 'store'>> & { records?: AnalysisRecord[] } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'veille-api-'));
  const dbPath = join(dir, 'veille.db');
  const store = await openStore(dbPath);
  for (const record of options.records ?? []) await store.putAnalysis(record);
  let app: FastifyInstance;
  try {
    app = await createServer({ ...options, store, host: options.host ?? '127.0.0.1' });
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = (app.server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`, port, store, app, dbPath,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request with the path sent exactly as written (fetch would normalize `/../`) and any
 * Host header: for path traversal and DNS-rebinding tests.
 */
export function rawRequest(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
