import type { Match } from './match.js';
import type { TriggerForm } from './pattern.js';
import type { EventLexicon } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';
import { W } from './word-class.js';

const matchesWord = (pattern: string, key: string): boolean =>
  pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key;

/** Where a candidate's extra words are, or null when its conditions fail. */
interface Fit {
  last: number;
  thenLast: number;
  withAt: number;
  score: number;
}

function fit(view: SentenceView, i: number, form: TriggerForm, lexicon: EventLexicon, inEntity: (k: number) => boolean): Fit | null {
  const p = form.pattern;
  const keys = view.keys;
  if (p.lowercase && view.classes[i]! & W.CAPITAL) return null;
  let last = i;
  for (const w of p.then) {
    const next = keys[last + 1];
    // "opposée à" also reads "opposée aux"
    if (next !== w && !(next !== undefined && lexicon.contractions.get(w)?.includes(next))) return null;
    last++;
  }
  if (p.notThen.size > 0 && p.notThen.has(keys[last + 1] ?? '')) return null;
  let withAt = -1;
  if (p.with.length > 0) {
    for (let k = last + 1; k <= last + p.within && k < keys.length; k++) {
      if (view.classes[k]! & W.BOUNDARY) break;
      if (p.with.some((w) => matchesWord(w, keys[k] as string)) && !inEntity(k)) {
        withAt = k;
        break;
      }
    }
    if (withAt < 0) return null;
  }
  if (p.notWith.length > 0) {
    for (let k = i + 1; k <= i + 6 && k < keys.length; k++) if (p.notWith.some((w) => matchesWord(w, keys[k] as string))) return null;
  }
  if (p.before.size > 0) {
    let found = false;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (p.before.has(keys[k] as string)) found = true;
    if (!found) return null;
  }
  if (p.notBefore.size > 0) {
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) if (p.notBefore.has(keys[k] as string)) return null;
  }
  if (p.reflexive) {
    let found = false;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const c = view.classes[k]!;
      if (c & W.REFLEX) { found = true; break; }
      if (!(c & (W.AUX | W.NEG | W.ADV | W.CLITIC))) break;
    }
    if (!found) return null;
  }
  // a participle after an article is an adjective ("the proposed changes", "les mesures imposées" stays a verb)
  if ((form.tag === 'pp' || form.tag === 'past') && i > 0 && view.classes[i - 1]! & W.DET && !(view.classes[i - 1]! & W.PREP)) return null;
  const score = 1 + 2 * p.then.length + (withAt >= 0 ? 2 : 0) + (p.before.size > 0 ? 1 : 0) + (p.reflexive ? 1 : 0);
  return { last: withAt >= 0 ? Math.max(last, withAt) : last, thenLast: last, withAt, score };
}

/**
 * Every pattern firing in a sentence, left to right, one per head word: the most specific
 * candidate wins (more required words), ties go to a noun after an article and else to the
 * earlier pattern. Words a match consumed (`then`, `with`) start no other match.
 */
export function findTriggers(view: SentenceView, lexicon: EventLexicon, inEntity: (k: number) => boolean): Match[] {
  const out: Match[] = [];
  const consumed = new Array<number>(view.tokens.length).fill(0);
  for (let i = 0; i < view.tokens.length; i++) {
    if (consumed[i] || inEntity(i) || view.tokens[i]!.kind !== 'word') continue;
    const forms = view.words[i]!.forms;
    if (forms === null) continue;
    let best: { form: TriggerForm; fit: Fit } | null = null;
    const verbSlot = i > 0 && verbContext(view, i, lexicon, inEntity);
    for (const form of forms) {
      const f = fit(view, i, form, lexicon, inEntity);
      if (!f) continue;
      if (!best || better(form, f, best.form, best.fit, verbSlot)) best = { form, fit: f };
    }
    if (!best) continue;
    const { form, fit: f } = best;
    for (let k = i; k <= f.last; k++) consumed[k] = 1;
    out.push({ pattern: form.pattern, tag: form.tag, head: i, last: f.last, thenLast: f.thenLast, withAt: f.withAt, passive: isPassive(view, i, form, lexicon), nonFinite: isNonFinite(view, i, form) });
  }
  return out;
}

function better(a: TriggerForm, fa: Fit, b: TriggerForm, fb: Fit, verbSlot: boolean): boolean {
  if (fa.score !== fb.score) return fa.score > fb.score;
  const nounA = a.tag === 'noun';
  const nounB = b.tag === 'noun';
  if (nounA !== nounB) return verbSlot ? !nounA : nounA;
  return a.pattern.order < b.pattern.order;
}

/** Where a verb is expected: after an auxiliary, a pronoun or clitic, a negation, "to", "qui", or a named subject. */
function verbContext(view: SentenceView, i: number, lexicon: EventLexicon, inEntity: (k: number) => boolean): boolean {
  const c = view.classes[i - 1]!;
  if (c & (W.DET | W.POSS | W.POSSESSOR)) return false;
  if ((c & (W.AUX | W.PASS_AUX | W.PRON | W.CLITIC | W.REFLEX | W.NEG | W.REL | W.INF_MARK)) !== 0) return true;
  // after a name or a noun naming an actor, a verb ("la Chine aide", "l'armée combat")
  const named = inEntity(i - 1) || lexicon.agents.at(view.keys, i - 1).length > 0;
  if (!named) return false;
  if (!lexicon.nounCompounds) return true;
  // English makes nouns of names: "a Hamas attack", "the UN appeal"
  let k = i - 1;
  while (k > 0 && inEntity(k - 1)) k--;
  return k === 0 || !(view.classes[k - 1]! & (W.DET | W.POSS | W.PREP));
}

/**
 * A past participle after a form of être/be (adverbs and negation may come between), or
 * followed by its agent ("les navires déployés par la Turquie"). A reflexive verb, or one
 * conjugated with être ("est arrivé"), is passive only with an agent.
 */
function isPassive(view: SentenceView, i: number, form: TriggerForm, lexicon: EventLexicon): boolean {
  if (form.tag !== 'pp' && form.tag !== 'past' && form.tag !== 'form') return false;
  let agent = false;
  for (let k = i + 1; k <= i + 3 && k < view.tokens.length; k++) {
    if (view.classes[k]! & W.AGENT) agent = true;
    if (!(view.classes[k]! & (W.ADV | W.AGENT))) break;
  }
  if (agent) return true;
  if (form.tag === 'form') return false;
  if (form.pattern.reflexive || lexicon.etreVerbs.has(form.pattern.trigger)) return false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const c = view.classes[k]!;
    if (c & W.PASS_AUX) return true;
    if (!(c & (W.ADV | W.NEG | W.AUX))) return false;
  }
  return false;
}

/** An infinitive ("de livrer", "to deliver") or a gerund after a preposition ("of supplying"). */
function isNonFinite(view: SentenceView, i: number, form: TriggerForm): boolean {
  if (form.tag === 'inf') return true;
  const prev = i > 0 ? view.classes[i - 1]! : 0;
  if (form.tag === 'base' && prev & W.INF_MARK) return true;
  if (form.tag === 'ing' && prev & W.GER_MARK) return true;
  // "denied supplying": a gerund right after a verb is its complement
  if (form.tag === 'ing' && i > 0 && view.words[i - 1]!.forms?.some((f) => f.tag !== 'noun' && f.tag !== 'ing')) return true;
  // "a nié avoir livré", "to have supplied": a past infinitive
  if ((form.tag === 'pp' || form.tag === 'past') && i > 0 && /^(avoir|être)$/.test(view.keys[i - 1] as string)) return true;
  if ((form.tag === 'pp' || form.tag === 'past') && i > 1 && view.keys[i - 1] === 'have' && view.classes[i - 2]! & W.INF_MARK) return true;
  return false;
}
