import { checkFilters } from '../filters.js';
import type { DocumentFilters } from '../store.js';
import type { Params } from './params.js';
import { toPg } from './text.js';

/**
 * The filters shared by listing and search, as SQL conditions on `documents d` with their
 * values bound in `p`. Dates are intervals compared as strings at the coarser precision of the
 * two (as in SQLite): `2023-10` is on or after `2023-10-18`, and before it too. Undated
 * documents are left out as soon as a date bound is given.
 */
export function documentConditions(p: Params, filters: DocumentFilters & { entity?: string | null }): string[] {
  checkFilters(filters);
  const where: string[] = [];
  if (filters.source != null) where.push(`d.source_name = ${p.add(toPg(String(filters.source)))}`);
  if (filters.language != null) where.push(`d.language = ${p.add(toPg(String(filters.language)))}`);
  if (filters.dateFrom != null) {
    where.push(`d.date IS NOT NULL AND d.date >= left(${p.add(filters.dateFrom)}::text, length(d.date))`);
  }
  if (filters.dateTo != null) {
    const to = p.add(filters.dateTo);
    where.push(`d.date IS NOT NULL AND left(d.date, length(${to}::text)) <= ${to}::text`);
  }
  if (filters.entity != null) {
    where.push(`EXISTS (SELECT 1 FROM entities e WHERE e.entity_key = ${p.add(toPg(String(filters.entity)))} AND e.doc_id = d.id)`);
  }
  return where;
}
