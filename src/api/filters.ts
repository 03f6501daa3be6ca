import type { DocumentFilters } from '../store/store.js';

/** The filter query parameters shared by listing, search and the UI (snake_case, as the CLI's flags). */
export interface FilterQuery {
  source?: string;
  language?: string;
  date_from?: string;
  date_to?: string;
  entity?: string;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export function documentFilters(q: FilterQuery): DocumentFilters & { entity: string | null } {
  return {
    source: q.source || null,
    language: q.language || null,
    dateFrom: q.date_from || null,
    dateTo: q.date_to || null,
    entity: q.entity || null,
  };
}
