import { InvalidArgumentError, type Command } from 'commander';
import { createServer } from '../../api/server.js';
import { openStore } from '../../store/open.js';
import { EXIT_OK, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port number 0–65535, got "${value}"`);
  return n;
}

export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('serve the web UI and the HTTP API (OpenAPI at /api/openapi.json); VEILLE_TOKEN protects it')
    .option('--host <host>', 'address to listen on; anything but loopback needs VEILLE_TOKEN', DEFAULT_HOST)
    .option('--port <port>', 'port (0: any free port)', port, DEFAULT_PORT)
    .action(async (opts: { host: string; port: number }) => {
      const io = ctx.io;
      const store = await openStore(ctx.db());
      let app;
      try {
        app = await createServer({
          store, host: opts.host, token: io.env.VEILLE_TOKEN ?? null,
          log: (line) => writeLine(io.stderr, line),
        });
        await app.listen({ host: opts.host, port: opts.port });
      } catch (error) {
        await app?.close();
        await store.close();
        throw error;
      }
      const address = app.server.address();
      const shown = typeof address === 'object' && address ? address : { address: opts.host, port: opts.port, family: 'IPv4' };
      const host = shown.family === 'IPv6' ? `[${shown.address}]` : shown.address;
      writeLine(io.stdout, `veille: serving ${ctx.db()} at http://${host}:${shown.port}/ (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await app.close();
      await store.close();
      ctx.exit(EXIT_OK);
    });
}
