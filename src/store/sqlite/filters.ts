import { checkFilters } from '../filters.js';
import type { DocumentFilters } from '../store.js';

/** SQL conditions on `documents d` and their named parameters. */
export interface Conditions {
  where: string[];
  params: Record<string, string | number>;
}

/**
 * The filters shared by listing and search. Dates are intervals compared as strings at the
 * coarser precision of the two: `2023-10` is on or after `2023-10-18`, and before it too.
 * Undated documents are left out as soon as a date bound is given.
 */
export function documentConditions(filters: DocumentFilters & { entity?: string | null }): Conditions {
  checkFilters(filters);
  const c: Conditions = { where: [], params: {} };
  if (filters.source != null) {
    c.where.push('d.source_name = @source');
    c.params.source = String(filters.source);
  }
  if (filters.language != null) {
    c.where.push('d.language = @language');
    c.params.language = String(filters.language);
  }
  if (filters.dateFrom != null) {
    c.where.push('d.date IS NOT NULL AND d.date >= substr(@dateFrom, 1, length(d.date))');
    c.params.dateFrom = filters.dateFrom;
  }
  if (filters.dateTo != null) {
    c.where.push('d.date IS NOT NULL AND substr(d.date, 1, length(@dateTo)) <= @dateTo');
    c.params.dateTo = filters.dateTo;
  }
  if (filters.entity != null) {
    c.where.push('EXISTS (SELECT 1 FROM entities e WHERE e.entity_key = @entity AND e.doc_id = d.id)');
    c.params.entity = String(filters.entity);
  }
  return c;
}

/** `WHERE a AND b`, or nothing. */
export function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.map((w) => `(${w})`).join(' AND ')}` : '';
}
