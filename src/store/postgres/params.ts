/**
 * Positional parameters for one SQL statement: `p.add(value)` returns `$n`. Values are always
 * bound, never spliced into the SQL text (hostile input stays a value).
 */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `WHERE a AND b`, or nothing. */
export function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.map((w) => `(${w})`).join(' AND ')}` : '';
}
