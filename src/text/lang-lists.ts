/** Reading string lists out of language data files, with errors that name the file and field. */

export type JsonObject = Record<string, unknown>;

/** The parsed file as an object; `null` (no such file) reads as an empty object. */
export function asObject(raw: unknown, file: string): JsonObject {
  if (raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a JSON object`);
  return raw as JsonObject;
}

/** A field that must be a list of strings when present. */
export function stringList(obj: JsonObject, field: string, file: string): string[] {
  const value = obj[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new Error(`${file}: "${field}" must be a list of strings`);
  }
  return value;
}

export function booleanField(obj: JsonObject, field: string, file: string, fallback: boolean): boolean {
  const value = obj[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new Error(`${file}: "${field}" must be true or false`);
  return value;
}
