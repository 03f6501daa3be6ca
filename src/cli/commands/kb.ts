import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import type { EntityType } from '../../core/record.js';
import { affiliationAt } from '../../kb/affiliation.js';
import { keysOf, loadKnowledgeBase, type KbEntry } from '../../kb/knowledge-base.js';
import { actorEntry, addUserEntry, userKbDir } from '../../kb/user-kb.js';
import { EXIT_OK, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

interface AddOptions {
  type: string;
  name: string;
  alias?: string[];
  country?: string;
  sector?: string;
  from?: string;
  to?: string;
  wikidata?: string;
  id?: string;
}

/** Every name of an entry, all languages. */
const namesOf = (e: KbEntry): string[] => [...new Set(Object.values(e.names).flatMap((l) => l ?? []))];

/** Whether an entry's id or one of its names holds the query (case, accents and transliteration folded). */
function matches(e: KbEntry, query: string): boolean {
  const q = keysOf(query).join(' ');
  if (q === '') return true;
  return e.id.toLowerCase().includes(query.toLowerCase()) || e.kb === query || namesOf(e).some((n) => keysOf(n).join(' ').includes(q));
}

function line(e: KbEntry): string {
  const a = affiliationAt(e, null);
  return [e.kb, e.type, a.country ?? '-', a.sector ?? '-', namesOf(e)[0] ?? e.id].join('\t');
}

/** `veille kb add|list|show`: the analyst's own actors, without code (kb/README.md, "Your own entries"). */
export function registerKb(program: Command, ctx: CommandContext): void {
  const kb = program.command('kb').description(`the knowledge base: add your own actors (written to $VEILLE_KB_DIR, default ~/.veille/kb), list, show`);

  kb.command('add')
    .description('add (or replace, same id) an actor in the user KB; it is found and linked by the next analysis')
    .requiredOption('--type <type>', 'PER, ORG, GPE, LOC or MISC')
    .requiredOption('--name <name>', 'the name as written in the news ("Jeanne Martin")')
    .option('--alias <name>', 'another name (repeatable): "Martin", "J. Martin"', collect)
    .option('--country <code>', 'ISO 3166-1 alpha-3 (FRA) or IGO, NGO…')
    .option('--sector <code>', 'PLOVER sector (GOV, MIL, JUD, BUS…)')
    .option('--from <date>', 'country and sector hold from this date (YYYY[-MM[-DD]])')
    .option('--to <date>', 'until this date, exclusive')
    .option('--wikidata <qid>', 'the Wikidata item, when certain')
    .option('--id <id>', 'the entry id (default veille:user/<name as slug>)')
    .action((opts: AddOptions) => {
      const entry = actorEntry({
        type: opts.type.toUpperCase() as EntityType,
        name: opts.name,
        aliases: opts.alias,
        country: opts.country ?? null,
        sector: opts.sector ?? null,
        from: opts.from,
        to: opts.to,
        wikidata: opts.wikidata,
        id: opts.id,
      });
      const dir = userKbDir(ctx.io.env);
      const { path, replaced } = addUserEntry(dir, entry);
      writeLine(ctx.io.stdout, `${replaced ? 'replaced' : 'added'} ${entry.id} in ${path}`);
      ctx.exit(EXIT_OK);
    });

  kb.command('list')
    .description('entries whose id or names hold the query (all entries without one)')
    .option('--query <text>', 'a name or part of it ("Lavrov", "ONU"), or an id')
    .option('--limit <n>', 'at most this many lines', '50')
    .option('--json', 'print entries as JSON Lines')
    .action((opts: { query?: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new VeilleError('USAGE', `kb list: --limit must be a positive integer, not ${JSON.stringify(opts.limit)}`, opts.limit);
      const base = loadKnowledgeBase({ userDir: existingUserDir(ctx) });
      const found = [...base.entries.values()].filter((e) => matches(e, opts.query ?? '')).sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
      for (const e of found.slice(0, limit)) writeLine(ctx.io.stdout, opts.json ? JSON.stringify(e) : line(e));
      if (!opts.json && found.length > limit) writeLine(ctx.io.stderr, `${found.length - limit} more (use --limit)`);
      ctx.exit(EXIT_OK);
    });

  kb.command('show')
    .description('one entry as JSON: by its id (veille:…) or Wikidata id (Q…)')
    .argument('<id>')
    .action((id: string) => {
      const base = loadKnowledgeBase({ userDir: existingUserDir(ctx) });
      const entry = base.entries.get(id) ?? [...base.entries.values()].find((e) => e.kb === id);
      if (!entry) throw new VeilleError('USAGE', `kb show: no entry with id ${id} (try veille kb list --query …)`, id);
      writeLine(ctx.io.stdout, JSON.stringify({ ...entry, now: affiliationAt(entry, null) }, null, 2));
      ctx.exit(EXIT_OK);
    });
}

/** The user KB directory when it exists (a fresh install has none). */
function existingUserDir(ctx: CommandContext): string | null {
  const dir = userKbDir(ctx.io.env);
  return existsSync(dir) ? dir : null;
}
