/**
 * A headless Chromium for the browser tests: the Debian `chromium` package (or
 * VEILLE_CHROMIUM), driven by playwright-core with a fresh profile. `findChromium` says why
 * there is none, so the tests can skip with that reason.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Quiet, offline, reproducible: no sandbox (containers), no GPU, no background network or updates. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { skip: string } {
  const given = env.VEILLE_CHROMIUM;
  if (given) return existsSync(given) ? { path: given } : { skip: `VEILLE_CHROMIUM=${given} does not exist` };
  const found = CANDIDATES.find((p) => existsSync(p));
  return found ? { path: found } : { skip: `no Chromium found (looked for ${CANDIDATES.join(', ')}); install the Debian package: apt-get install chromium` };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath: string, viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'veille-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS, viewport, acceptDownloads: true, locale: 'fr-FR',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
