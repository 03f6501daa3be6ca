/**
 * A PostgreSQL server for tests: the one named by VEILLE_TEST_PG (a URL to a database the
 * tests may CREATE DATABASE from, as CI's `.ci/run` exports), else a throwaway cluster
 * started here when `initdb` is found (Debian's /usr/lib/postgresql/<v>/bin), else a skip
 * reason. Each test file gets its own databases (unique names), dropped when it ends.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';

export interface TestServer {
  /** A URL to the server's `postgres` database (or VEILLE_TEST_PG's), for administration. */
  adminUrl: string;
  /** Whether this process started the server (and so may restart or stop it). */
  owned: boolean;
  /** Restarts the server (fast shutdown: open connections are cut). Only for owned servers. */
  restart(): void;
  stop(): void;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Where Debian (and most packages) put the server binaries: the newest version first. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found ? join(found, '..') : null;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throwaway cluster: initdb (trust; no fsync unless `durable`) in a temporary directory, then pg_ctl
 * on a free port, listening on 127.0.0.1 and a socket in the same directory. As root, the
 * server runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
export async function startThrowawayCluster(bin: string, options: { durable?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'veille-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // Tests trade durability for speed; benchmarks keep PostgreSQL's defaults (fsync on) to compare fairly with SQLite.
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durability}`;
  const ctl = (...args: string[]): void => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), ...args]);
  ctl('-o', serverOptions, '-w', 'start');
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try { ctl('-m', 'immediate', '-w', 'stop'); } catch { /* already down */ }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    owned: true,
    restart: () => ctl('-o', serverOptions, '-m', 'fast', '-w', 'restart'),
    stop,
  };
}

let shared: Promise<TestServer | string> | null = null;

/** The server for this test process (started once), or why there is none (a skip reason). */
export function testServer(): Promise<TestServer | string> {
  shared ??= (async (): Promise<TestServer | string> => {
    const given = process.env.VEILLE_TEST_PG;
    if (given) {
      return { adminUrl: given, owned: false, restart: () => { throw new Error('VEILLE_TEST_PG is not ours to restart'); }, stop: () => undefined };
    }
    return ownServer();
  })();
  return shared;
}

/** A cluster of this process's own (for tests that restart or kill it), or a skip reason. */
export async function ownServer(): Promise<TestServer | string> {
  const bin = findPgBin();
  if (!bin) return 'no PostgreSQL: set VEILLE_TEST_PG=postgres://… or install the server (initdb not found in /usr/lib/postgresql/*/bin or PATH)';
  try {
    return await startThrowawayCluster(bin);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err);
    return `could not start a throwaway PostgreSQL cluster with ${bin}/initdb: ${detail}`;
  }
}

let databases = 0;

/** A new, empty database on the server (unique name); `drop()` removes it, cutting its connections. */
export async function createTestDatabase(server: TestServer): Promise<TestDatabase> {
  const name = `veille_test_${process.pid}_${Date.now().toString(36)}_${++databases}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(server: TestServer, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What a test file gets from `testDatabaseSuite`: why it skips, or fresh store locations. */
export interface TestDatabaseSuite {
  /** The skip reason when no server is reachable, else false. */
  skip: string | false;
  /** This file's database URL (after `before` ran). */
  url(): string;
  /** A store location of its own: a new schema `<prefix><n>` of this file's database, empty. */
  freshUrl(): string;
}

/**
 * One database for the calling test file, created before its tests and dropped after them
 * (registers node:test `before`/`after` hooks), or the reason to skip when there is no server.
 */
export async function testDatabaseSuite(schemaPrefix: string): Promise<TestDatabaseSuite> {
  const server = await testServer();
  if (typeof server === 'string') {
    const none = (): never => { throw new Error(`no test database: ${server}`); };
    return { skip: server, url: none, freshUrl: none };
  }
  let database: TestDatabase | null = null;
  let schemas = 0;
  before(async () => { database = await createTestDatabase(server); });
  after(async () => { await database?.drop(); });
  const url = (): string => {
    if (!database) throw new Error('no test database yet (used before the before hook ran)');
    return database.url;
  };
  return {
    skip: false,
    url,
    freshUrl: () => {
      const fresh = new URL(url());
      fresh.searchParams.set('schema', `${schemaPrefix}${++schemas}`);
      return fresh.toString();
    },
  };
}
