import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import { parseSearchQuery, type QueryPart } from '../query.js';
import { DEFAULT_SEARCH_LIMIT, type Page, type SearchHit, type SearchOptions } from '../store.js';
import { documentConditions } from './filters.js';
import { INDEXED_CHARACTERS } from './migrations.js';
import { Params, whereClause } from './params.js';
import type { Queryable } from './queryable.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';
import { makeSnippet, queryLexemes } from './snippet.js';
import { fromPg, toPg } from './text.js';

/**
 * The text search configuration of each document language (migration 1 creates them, and
 * veille_ts_config() maps languages the same way); any other language uses `simple`.
 */
const CONFIGS: Record<string, string> = { fr: 'veille_french', en: 'veille_english' };
const OTHER_CONFIG = 'veille_simple';

/**
 * The to_tsquery input for parsed parts: every word single-quoted (they hold only letters,
 * digits and marks; quotes and backslashes are escaped anyway), a phrase's words joined by
 * `<->`, a prefix marked `:*`, the parts ANDed. Stemming and accent folding are the
 * configuration's, as for the documents.
 *
 * @example toTsQuery(parseSearchQuery('"Corée du Nord" nucl*')) // ('Corée' <-> 'du' <-> 'Nord') & 'nucl':*
 */
export function toTsQuery(parts: QueryPart[]): string {
  return parts.map((part) => {
    const words = part.words.map((w, i) => {
      const quoted = `'${w.replace(/['\\]/g, (c) => `\\${c}`)}'`;
      return part.prefix && i === part.words.length - 1 ? `${quoted}:*` : quoted;
    });
    return words.length > 1 ? `(${words.join(' <-> ')})` : words[0];
  }).join(' & ');
}

/**
 * Which documents match: the query read with every configuration, ORed, picks candidates
 * through the one GIN index; each is then checked against the query read with its own
 * language's configuration. (Three ORed "language AND @@" arms would be clearer, but the
 * planner then prefers a sequential scan, which decompresses every document's tsvector.)
 */
function matchCondition(query: string): string {
  const any = [...Object.values(CONFIGS), OTHER_CONFIG].map((config) => `to_tsquery('${config}', ${query})`).join(' || ');
  return `d.tsv @@ (${any}) AND d.tsv @@ ${documentQuery(query, 'd')}`;
}

/** The query read with the document's own configuration. */
function documentQuery(query: string, alias: string): string {
  const cases = Object.entries(CONFIGS).map(([language, config]) => `WHEN '${language}' THEN to_tsquery('${config}', ${query})`).join(' ');
  return `CASE ${alias}.language ${cases} ELSE to_tsquery('${OTHER_CONFIG}', ${query}) END`;
}

/**
 * Full-text search, best ts_rank first then id, with a keyset cursor on (rank, id). Title
 * words weigh A (1.0) and text words D (0.1), so a title match ranks above a text-only one.
 * Only the page's rows are read whole, for their snippets (see snippet.ts).
 */
export async function searchDocuments(db: Queryable, options: SearchOptions): Promise<Page<SearchHit>> {
  const tsquery = toTsQuery(parseSearchQuery(options.query));
  const limit = pageLimit(options.limit, DEFAULT_SEARCH_LIMIT);
  const p = new Params();
  const q = p.add(tsquery);
  const where = [matchCondition(q), ...documentConditions(p, options)];
  const after: string[] = [];
  if (options.cursor != null) {
    const [rank, id] = decodeCursor(options.cursor, 'search', 'ns');
    const r = p.add(rank);
    after.push(`rank < ${r}::float8 OR (rank = ${r}::float8 AND id > ${p.add(toPg(String(id)))})`);
  }
  const { rows } = await db.query<SummaryRow & { rank: number; excerpt: string; tsquery: string }>(`
    WITH page AS (
      SELECT id, rank FROM (
        SELECT d.id, ts_rank(d.tsv, ${documentQuery(q, 'd')})::float8 AS rank FROM documents d ${whereClause(where)}
      ) ranked ${whereClause(after)} ORDER BY rank DESC, id LIMIT ${p.add(limit + 1)}
    )
    SELECT ${SUMMARY_COLUMNS}, page.rank, left(d.text, ${INDEXED_CHARACTERS}) AS excerpt, (${documentQuery(q, 'd')})::text AS tsquery
    FROM page JOIN documents d ON d.id = page.id ORDER BY page.rank DESC, d.id`, p.values);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ ...toSummary(row), snippet: makeSnippet(fromPg(row.excerpt), queryLexemes(row.tsquery)), score: row.rank })),
    nextCursor: rows.length > limit && last ? encodeCursor('search', [last.rank, last.id]) : null,
  };
}
