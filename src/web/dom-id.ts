/**
 * A record id as an HTML id fragment: letters, digits and `-` pass, anything else (and `_`)
 * becomes `_` + its hex code, so distinct record ids stay distinct ids and a hostile id
 * cannot break out of an attribute or a space-separated list.
 */
export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9-]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`);
}

/** The id of an item's details section. */
export const detailId = (item: string): string => `d-${domId(item)}`;
/** The id of the highlighted piece that starts at `offset`. */
export const pieceId = (offset: number): string => `s-${offset}`;
