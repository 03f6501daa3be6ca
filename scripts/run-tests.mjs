#!/usr/bin/env node
// Runs every *.test.ts under src/, test/ and eval/ with node's built-in test runner (through tsx),
// then prints the plain closing line `N passed, N failed` that CI reads.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);

function findTests(dir) {
  let out = [];
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(findTests(p));
    else if (e.name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const files = ['src', 'test', 'eval'].flatMap((d) => findTests(join(root, d))).sort()
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const tapFile = join(mkdtempSync(join(tmpdir(), 'veille-test-')), 'report.tap');
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files], {
  cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'test' },
});
// A test file that leaves a handle open never exits; CI must fail, not hang.
const LIMIT_MINUTES = Number(process.env.VEILLE_TEST_MINUTES ?? 20);
const watchdog = setTimeout(() => {
  console.error(`\ntests still running after ${LIMIT_MINUTES} minutes: stopped (a test left a server or a process open?)`);
  child.kill('SIGKILL');
}, LIMIT_MINUTES * 60_000);
watchdog.unref();
let out = '';
child.stdout.on('data', (chunk) => { process.stdout.write(chunk); out += chunk.toString(); });
child.on('close', (code) => {
  clearTimeout(watchdog);
  let tap = '';
  try { tap = readFileSync(tapFile, 'utf8'); } catch { /* no tap written */ }
  const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const skipped = count('skipped');
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(code ?? 1);
});
