import { VeilleError } from '../../core/errors.js';

/** What a word form is: verb tenses (French and English tags mixed), a noun, or a listed form. */
export type FormTag = 'inf' | 'base' | 'pres' | 'past' | 'pp' | 'ppr' | 'ing' | 'fut' | 'cond' | 'subj' | 'noun' | 'form';

export interface WordForm {
  form: string;
  tag: FormTag;
}

interface EndingRule {
  ending: string;
  strip: string;
}

interface VerbClass extends EndingRule {
  tags: Partial<Record<FormTag, string[]>>;
}

interface PluralRule extends EndingRule {
  suffix: string;
}

/** `lang/<code>/events-verbs.json`, compiled. */
export interface Inflection {
  classes: VerbClass[];
  irregular: Map<string, Partial<Record<FormTag, string[]>>>;
  spelling: Record<string, string>;
  stemVariants: boolean;
  double: Set<string>;
  plurals: PluralRule[];
}

const TAGS = new Set<FormTag>(['inf', 'base', 'pres', 'past', 'pp', 'ppr', 'ing', 'fut', 'cond', 'subj']);

/** Reads events-verbs.json; a malformed file fails with its name and what is wrong. */
export function compileInflection(raw: unknown, code: string): Inflection {
  const where = `lang/${code}/events-verbs.json`;
  if (raw === null) return { classes: [], irregular: new Map(), spelling: {}, stemVariants: false, double: new Set(), plurals: [{ ending: '', strip: '', suffix: 's' }] };
  const o = raw as Record<string, unknown>;
  if (typeof o !== 'object' || !Array.isArray(o.classes)) throw new VeilleError('MALFORMED', `${where}: "classes" must be a list`, where);
  const tagLists = (t: unknown, what: string): Partial<Record<FormTag, string[]>> => {
    const out: Partial<Record<FormTag, string[]>> = {};
    for (const [tag, list] of Object.entries((t ?? {}) as Record<string, unknown>)) {
      if (!TAGS.has(tag as FormTag) || !Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
        throw new VeilleError('MALFORMED', `${where}: ${what}: tag "${tag}" must be one of ${[...TAGS].join(', ')} with a list of strings`, where);
      }
      out[tag as FormTag] = list as string[];
    }
    return out;
  };
  const classes = (o.classes as Record<string, unknown>[]).map((c, i) => {
    if (typeof c.ending !== 'string' || typeof c.strip !== 'string') throw new VeilleError('MALFORMED', `${where}: classes[${i}] needs "ending" and "strip"`, where);
    return { ending: c.ending, strip: c.strip, tags: tagLists(c.tags, `classes[${i}]`) };
  });
  // longest ending first, so that "mettre" wins over "re"
  classes.sort((a, b) => b.ending.length - a.ending.length);
  const irregular = new Map(Object.entries((o.irregular ?? {}) as Record<string, unknown>).map(([lemma, t]) => [lemma, tagLists(t, `irregular.${lemma}`)]));
  const plurals = Array.isArray(o.plurals) ? (o.plurals as PluralRule[]) : [{ ending: '', strip: '', suffix: 's' }];
  return {
    classes,
    irregular,
    spelling: (o.spelling ?? {}) as Record<string, string>,
    stemVariants: o.stem_variants === true,
    double: new Set(Array.isArray(o.double) ? (o.double as string[]) : []),
    plurals,
  };
}

const BACK_VOWEL = /^[aoâ]/;

/** French stem alternations: the last e/é as è (lever → lève), the last l/t doubled after e (appeler → appelle). */
function stemVariants(stem: string): string[] {
  const out = [stem];
  const m = /^(.*)[eé]((?:gu|qu|[^aeiouyéèêàâîôû])+)$/u.exec(stem);
  if (m) out.push(`${m[1]}è${m[2]}`);
  if (/e[lt]$/.test(stem)) out.push(stem + stem.slice(-1));
  if (stem.endsWith('y')) out.push(`${stem.slice(0, -1)}i`);
  return out;
}

/**
 * Every form of a verb with its tag: the irregular table's, else its class's (suffixes on
 * the stem, spelling changes, stem variants, doubled consonants).
 * @example verbForms('livrer', fr).find((f) => f.form === 'livré') // { form: 'livré', tag: 'pp' }
 */
export function verbForms(lemma: string, rules: Inflection): WordForm[] {
  const out = new Map<string, FormTag>();
  const add = (form: string, tag: FormTag): void => {
    if (!out.has(form)) out.set(form, tag);
  };
  const irregular = rules.irregular.get(lemma);
  const cls = rules.classes.find((c) => lemma.endsWith(c.ending));
  if (cls) {
    const stem = lemma.slice(0, lemma.length - cls.strip.length);
    const stems = rules.stemVariants ? stemVariants(stem) : [stem];
    for (const [tag, suffixes] of Object.entries(cls.tags) as [FormTag, string[]][]) {
      if (irregular?.[tag]) continue;
      for (const suffix of suffixes) {
        for (const s of stems) add(spell(s, suffix, rules), tag);
        if (rules.double.has(lemma) && /^[ei]/.test(suffix)) add(stem + stem.slice(-1) + suffix, tag);
      }
    }
  }
  for (const [tag, forms] of Object.entries(irregular ?? {}) as [FormTag, string[]][]) for (const f of forms) add(f, tag);
  add(lemma, rules.classes.some((c) => c.tags.inf) ? 'inf' : 'base');
  return [...out].map(([form, tag]) => ({ form, tag }));
}

function spell(stem: string, suffix: string, rules: Inflection): string {
  const last = stem.slice(-1);
  const change = rules.spelling[last];
  if (change !== undefined && BACK_VOWEL.test(suffix)) return stem.slice(0, -1) + change + suffix;
  return stem + suffix;
}

/** A noun and its plural (each word of a compound takes it in French: "exercice conjoint" is not handled; give forms). */
export function nounForms(noun: string, rules: Inflection): string[] {
  const rule = rules.plurals.find((p) => noun.endsWith(p.ending));
  if (!rule) return [noun];
  const plural = noun.slice(0, noun.length - rule.strip.length) + rule.suffix;
  return plural === noun ? [noun] : [noun, plural];
}
