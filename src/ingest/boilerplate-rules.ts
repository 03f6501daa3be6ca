import { availableLanguages, languageData } from '../lang/load.js';

/** One boilerplate pattern from `lang/<code>/boilerplate.json`. */
export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  /** An invented line the pattern must match (checked by the tests). */
  example: string;
}

/** Whole lines to drop, and lead markers naming the outlet (`(Reuters) - `). */
export interface BoilerplateRules {
  lines: BoilerplateRule[];
  outletMarkers: BoilerplateRule[];
}

/** Compiles one language's `boilerplate.json`; `null` (no file) gives no rules. */
export function compileBoilerplate(raw: unknown, code: string): BoilerplateRules {
  if (raw === null) return { lines: [], outletMarkers: [] };
  if (typeof raw !== 'object') throw new Error(`lang/${code}/boilerplate.json: not an object`);
  const data = raw as Record<string, unknown>;
  return {
    lines: compileList(data.lines, code, 'lines'),
    outletMarkers: compileList(data.outletMarkers, code, 'outletMarkers'),
  };
}

function compileList(list: unknown, code: string, key: string): BoilerplateRule[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`lang/${code}/boilerplate.json: "${key}" is not an array`);
  return list.map((item: unknown, i) => {
    const { id, pattern, flags, example } = (item ?? {}) as Record<string, unknown>;
    const where = `lang/${code}/boilerplate.json ${key}[${i}]`;
    if (typeof id !== 'string' || typeof pattern !== 'string') throw new Error(`${where}: needs "id" and "pattern"`);
    try {
      // `d` gives match indices, used to cut only the `cut` group of an outlet marker.
      const compiled = new RegExp(pattern, `${typeof flags === 'string' ? flags : 'u'}d`);
      return { id, pattern: compiled, example: typeof example === 'string' ? example : '' };
    } catch (e) {
      throw new Error(`${where} (${id}): ${(e as Error).message}`);
    }
  });
}

/**
 * The rules of every language with a data folder, merged: ingest runs before language
 * identification, so French and English boilerplate are both removed from any input.
 */
export function allBoilerplateRules(): BoilerplateRules {
  const merged: BoilerplateRules = { lines: [], outletMarkers: [] };
  for (const code of availableLanguages()) {
    const rules = languageData(code).compiled('boilerplate', compileBoilerplate);
    merged.lines.push(...rules.lines);
    merged.outletMarkers.push(...rules.outletMarkers);
  }
  return merged;
}
