/**
 * `npm run eval [-- NAME… ] [--json]`: runs the evaluations of eval/suites/ (all, or those
 * named, by file name), prints one table per suite, or with --json one JSON object of all
 * results. Exits 1 on an unknown suite name or when a suite fails to run.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Evaluation, EvaluationResult } from './types.js';

const SUITES_DIR = fileURLToPath(new URL('./suites/', import.meta.url));

function suiteFiles(): Map<string, string> {
  const files = readdirSync(SUITES_DIR)
    .filter((f) => /\.[cm]?[tj]s$/.test(f) && !/\.(test|d)\.[cm]?[tj]s$/.test(f))
    .sort();
  return new Map(files.map((f) => [basename(f).replace(/\.[cm]?[tj]s$/, ''), `${SUITES_DIR}${f}`]));
}

async function load(name: string, path: string): Promise<Evaluation> {
  const mod = (await import(pathToFileURL(path).href)) as { default?: Partial<Evaluation> };
  const e = mod.default;
  if (!e || typeof e.run !== 'function' || typeof e.name !== 'string') {
    throw new Error(`eval/suites/${name}: the default export is not an Evaluation`);
  }
  return e as Evaluation;
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));

/** A plain text table, numbers right-aligned. */
function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function render(e: Evaluation, r: EvaluationResult, seconds: number): string {
  const out = [`== ${e.name} — ${e.description} (${seconds.toFixed(1)} s)`];
  if (r.scores.length > 0) {
    out.push(table(['set', 'metric', 'gold', 'predicted', 'P', 'R', 'F1'],
      r.scores.map((s) => [s.set, s.metric, String(s.gold), String(s.predicted), f3(s.precision), f3(s.recall), f3(s.f1)]),
      [false, false, true, true, true, true, true]));
  }
  if (r.measures?.length) {
    out.push('', table(['set', 'measure', 'n', 'value'], r.measures.map((m) => [m.set, m.metric, String(m.n), f3(m.value)]), [false, false, true, true]));
  }
  if (r.notes?.length) out.push('', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const names = argv.filter((a) => !a.startsWith('--'));
  const files = suiteFiles();
  const unknown = names.filter((n) => !files.has(n));
  if (unknown.length > 0) {
    process.stderr.write(`eval: unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}; available: ${[...files.keys()].join(', ')}\n`);
    return 1;
  }
  const selected = names.length > 0 ? [...new Set(names)] : [...files.keys()];
  const results: Record<string, { description: string } & EvaluationResult> = {};
  let failed = false;
  for (const name of selected) {
    try {
      const evaluation = await load(name, files.get(name) as string);
      const started = performance.now();
      const result = await evaluation.run();
      results[name] = { description: evaluation.description, ...result };
      if (!json) process.stdout.write(`${render(evaluation, result, (performance.now() - started) / 1000)}\n`);
    } catch (e) {
      failed = true;
      process.stderr.write(`eval: suite "${name}" failed: ${(e as Error).stack ?? String(e)}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
