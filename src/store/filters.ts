import { VeilleError } from '../core/errors.js';
import type { DocumentFilters } from './store.js';

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Checks the date bounds of a filter (`2023`, `2023-10`, `2023-10-18`) so that backends can
 * compare them as strings. Dates are intervals: `2023-10` overlaps `dateFrom: 2023-10-18`.
 */
export function checkFilters(filters: DocumentFilters): void {
  for (const name of ['dateFrom', 'dateTo'] as const) {
    const value = filters[name];
    if (value == null) continue;
    if (typeof value !== 'string' || !ISO_DATE.test(value)) {
      throw new VeilleError('BAD_QUERY', `${name} must be an ISO date (2023, 2023-10 or 2023-10-18), not ${JSON.stringify(value)}`);
    }
  }
}
