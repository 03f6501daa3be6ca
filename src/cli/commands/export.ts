import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { AnalysisRecord } from '../../core/record.js';
import { openStore } from '../../store/open.js';
import { EXIT_OK } from '../io.js';
import type { CommandContext } from '../context.js';

/** The CSV tables `export --format csv --table …` can write, one row per item. */
const CSV_TABLES = {
  documents: {
    columns: ['id', 'date', 'language', 'source', 'title', 'origin', 'sentences', 'entities', 'times', 'quantities', 'quotes', 'claims', 'events'],
    rows: (r: AnalysisRecord) => [[r.doc.id, r.doc.date, r.doc.language, r.doc.source.name, r.doc.title, r.doc.origin, r.sentences.length,
      r.entities.length, r.times.length, r.quantities.length, r.quotes.length, r.claims.length, r.events.length]],
  },
  entities: {
    columns: ['doc_id', 'entity', 'type', 'name', 'kb', 'country', 'sector', 'roles', 'mentions'],
    rows: (r: AnalysisRecord) => r.entities.map((e) => [r.doc.id, e.id, e.type, e.name, e.kb, e.country, e.sector, e.roles.join('; '), e.mentions.length]),
  },
  events: {
    columns: ['doc_id', 'event_id', 'date', 'event', 'mode', 'context', 'actor', 'recipient', 'modality', 'quad_code', 'event_scale', 'event_text', 'start', 'end', 'rule'],
    rows: (r: AnalysisRecord) => r.events.map((v) => [r.doc.id, v.id, v.date, v.event, v.mode.join(';'), v.context.join(';'),
      v.actor.map((p) => p.code ?? p.name).join(';'), v.recipient.map((p) => p.code ?? p.name).join(';'), v.modality, v.quad_code,
      v.event_scale, v.event_text, v.start, v.end, v.rule]),
  },
  times: {
    columns: ['doc_id', 'time_id', 'text', 'value', 'granularity', 'from', 'to', 'start', 'end'],
    rows: (r: AnalysisRecord) => r.times.map((t) => [r.doc.id, t.id, t.text, t.value, t.granularity, t.range?.from, t.range?.to, t.start, t.end]),
  },
  quantities: {
    columns: ['doc_id', 'quantity_id', 'text', 'value', 'approx', 'unit', 'of', 'start', 'end'],
    rows: (r: AnalysisRecord) => r.quantities.map((n) => [r.doc.id, n.id, n.text, n.value, n.approx, n.unit, n.of, n.start, n.end]),
  },
} as const;

type CsvTable = keyof typeof CSV_TABLES;

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('write every stored analysis: JSON Lines of records, or CSV of one table')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--table <table>', 'with --format csv: which items, one row each').choices(Object.keys(CSV_TABLES)).default('documents'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: { format: 'jsonl' | 'csv'; table: CsvTable; output?: string }) => {
      const store = await openStore(ctx.db());
      const out: Writable = opts.output ? createWriteStream(opts.output) : ctx.io.stdout;
      try {
        const table = CSV_TABLES[opts.table];
        if (opts.format === 'csv') await write(out, stringify([table.columns as unknown as string[]]));
        for await (const record of store.exportRecords()) {
          const chunk = opts.format === 'jsonl' ? `${JSON.stringify(record)}\n` : stringify(table.rows(record) as unknown[][]);
          await write(out, chunk);
        }
      } finally {
        await store.close();
        if (opts.output) {
          out.end();
          await once(out, 'finish');
        }
      }
      ctx.exit(EXIT_OK);
    });
}

/** Writes with backpressure, so a large export streams instead of piling up in memory. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
