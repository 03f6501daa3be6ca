import table from './plover-table.json' with { type: 'json' };

/** The 16 PLOVER categories. */
export const PLOVER_CATEGORIES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

interface CategoryRow {
  quad: number;
  requires_recipient: boolean;
  scale: number;
  modes: Record<string, number | null>;
}

const categories = table.categories as Record<PloverCategory, CategoryRow>;
const contexts = new Set<string>(table.contexts);

export function isCategory(name: unknown): name is PloverCategory {
  return typeof name === 'string' && Object.hasOwn(categories, name);
}

/** Whether `mode` is one of the category's modes in the manual. */
export function isMode(category: PloverCategory, mode: string): boolean {
  return Object.hasOwn(categories[category].modes, mode);
}

export function isContext(context: string): boolean {
  return contexts.has(context);
}

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export function quadCode(category: PloverCategory): 1 | 2 | 3 | 4 {
  return categories[category].quad as 1 | 2 | 3 | 4;
}

/** PLOVER's rule per category: COOPERATE, AID and SANCTION need a recipient to be coded. */
export function requiresRecipient(category: PloverCategory): boolean {
  return categories[category].requires_recipient;
}

/**
 * The conflict–cooperation score: the score of the first of `modes` that the table scores,
 * else the category's.
 * @example eventScale('CONSULT', ['visit']) // 4
 */
export function eventScale(category: PloverCategory, modes: readonly string[]): number {
  const row = categories[category];
  for (const mode of modes) {
    const score = row.modes[mode];
    if (typeof score === 'number') return score;
  }
  return row.scale;
}

const negated = table.negated as { recode: Record<string, string> };

/** What a category its actor negates becomes (an AGREE refused is a REJECT); null when it stays. */
export function negatedRecode(category: PloverCategory): PloverCategory | null {
  const to = negated.recode[category];
  return to && isCategory(to) ? to : null;
}

const future = table.future as { recode: Record<string, string>; threaten_modes: Record<string, string> };

/**
 * What a category stated as future becomes under the manual's rules, with the mode it takes
 * then; null when it stays (verbal conflict, CONCEDE, AGREE).
 * @example futureRecode('CONSULT', ['visit']) // { event: 'AGREE', mode: [] }
 */
export function futureRecode(category: PloverCategory, modes: readonly string[]): { event: PloverCategory; mode: string[] } | null {
  const to = future.recode[category];
  if (!to || !isCategory(to)) return null;
  if (to !== 'THREATEN') return { event: to, mode: modes.filter((m) => isMode(to, m)) };
  const mode = modes.map((m) => future.threaten_modes[`${category}:${m}`]).find((m) => m !== undefined) ?? future.threaten_modes[category];
  return { event: to, mode: mode ? [mode] : [] };
}
