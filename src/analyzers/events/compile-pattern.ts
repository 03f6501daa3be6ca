import { VeilleError } from '../../core/errors.js';
import type { ContentEffect, ContentRule, EventPattern, Slot } from './pattern.js';
import { isCategory, isContext, isMode, type PloverCategory } from './plover.js';
import { wordKey } from './word-key.js';

const EFFECTS = new Set<ContentEffect>(['suppress', 'reported', 'negated', 'hypothetical']);
const SLOTS = new Set(['subject', 'object', 'genitive', 'agent', 'demonym', 'clause_subject', 'place', 'after', 'speaker']);
const FIELDS = new Set([
  'id', 'event', 'verb', 'noun', 'forms', 'then', 'not_then', 'with', 'within', 'not_with', 'before', 'not_before', 'reflexive',
  'lowercase', 'actor', 'recipient', 'reciprocal', 'mode', 'context', 'content', 'actor_optional', 'actor_from_place', 'requires', 'in_report', 'example',
  'drop', 'about',
]);

const DEFAULT_WITHIN = 4;

/** A raw pattern as read from JSON, checked field by field into an EventPattern. */
export function compilePattern(raw: unknown, where: string, order: number): EventPattern {
  const o = raw as Record<string, unknown>;
  const fail = (message: string): never => {
    const id = typeof o?.id === 'string' ? ` ${o.id}` : '';
    throw new VeilleError('MALFORMED', `${where}: pattern${id}: ${message}`, where);
  };
  if (typeof o !== 'object' || o === null || Array.isArray(o)) fail('must be an object');
  if (typeof o.id !== 'string' || o.id.length === 0) fail('needs a string "id"');
  for (const key of Object.keys(o)) if (!FIELDS.has(key)) fail(`unknown field "${key}"`);
  if (o.event !== null && !isCategory(o.event)) fail(`"event" must be a PLOVER category or null, not ${JSON.stringify(o.event)}`);
  const event = o.event as PloverCategory | null;
  const words = (key: string): string[] => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((w) => typeof w === 'string' && w.length > 0)) fail(`"${key}" must be a list of words`);
    return (v as string[]).map(wordKey);
  };
  const kinds = ['verb', 'noun', 'forms'].filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) fail('needs exactly one of "verb", "noun", "forms"');
  const pos = kinds[0] as 'verb' | 'noun' | 'forms';
  let trigger: string;
  if (pos === 'forms') {
    const forms = words('forms');
    if (forms.length === 0) fail('"forms" is empty');
    trigger = forms.join('|');
  } else {
    if (typeof o[pos] !== 'string' || (o[pos] as string).trim() === '') fail(`"${pos}" must be a word`);
    trigger = wordKey((o[pos] as string).trim());
  }
  const slots = (key: string, fallback: Slot[]): Slot[] => {
    const v = o[key];
    if (v === undefined) return fallback;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list)) fail(`"${key}" must be a slot or a list of slots`);
    for (const s of list as unknown[]) {
      if (typeof s !== 'string' || !(SLOTS.has(s) || /^prep:[^|]+(\|[^|]+)*$/.test(s))) fail(`"${key}": unknown slot ${JSON.stringify(s)}`);
    }
    return (list as string[]).map((s) => (s.startsWith('prep:') ? (`prep:${wordKey(s.slice(5))}` as Slot) : (s as Slot)));
  };
  const category = event;
  const mode = words('mode');
  const context = words('context');
  if (category) for (const m of mode) if (!isMode(category, m)) fail(`mode "${m}" is not a mode of ${category} in the PLOVER manual`);
  for (const c of context) if (!isContext(c)) fail(`context "${c}" is not a PLOVER context`);
  const requires = words('requires');
  for (const r of requires) if (r !== 'actor' && r !== 'recipient') fail(`"requires" takes "actor" and "recipient", not "${r}"`);
  const within = o.within === undefined ? DEFAULT_WITHIN : o.within;
  if (typeof within !== 'number' || !Number.isInteger(within) || within < 1 || within > 12) fail('"within" must be a whole number from 1 to 12');
  const flag = (key: string): boolean => {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`"${key}" must be true or false`);
    return o[key] === true;
  };
  if (o.example !== undefined && typeof o.example !== 'string') fail('"example" must be a string');
  const content = contentRule(o.content, fail);
  if (event === null && content === null) fail('a pattern with "event": null must say what becomes of its "content"');
  return {
    id: o.id as string,
    event: category,
    pos,
    trigger,
    then: words('then'),
    notThen: new Set(words('not_then')),
    with: words('with'),
    within: within as number,
    notWith: words('not_with'),
    before: new Set(words('before')),
    notBefore: new Set(words('not_before')),
    reflexive: flag('reflexive'),
    lowercase: flag('lowercase'),
    actor: slots('actor', pos === 'verb' || pos === 'forms' ? ['subject'] : ['demonym', 'genitive', 'agent', 'clause_subject']),
    recipient: slots('recipient', pos === 'verb' ? ['object'] : []),
    reciprocal: flag('reciprocal'),
    mode,
    context,
    content,
    actorOptional: flag('actor_optional'),
    actorFromPlace: flag('actor_from_place'),
    requiresActor: requires.includes('actor'),
    requiresRecipient: requires.includes('recipient'),
    inReport: flag('in_report'),
    example: (o.example as string | undefined) ?? null,
    source: where,
    order,
  };
}

function contentRule(v: unknown, fail: (m: string) => never): ContentRule | null {
  if (v === undefined || v === null) return null;
  const effect = (e: unknown, what: string): ContentEffect | null => {
    if (e === undefined || e === null) return null;
    if (typeof e !== 'string' || !EFFECTS.has(e as ContentEffect)) fail(`${what} must be one of ${[...EFFECTS].join(', ')}`);
    return e as ContentEffect;
  };
  if (typeof v === 'string') {
    const e = effect(v, '"content"');
    return { infinitive: e, clause: e, object: e };
  }
  if (typeof v !== 'object') fail('"content" must be an effect or {infinitive, clause, object}');
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['infinitive', 'clause', 'object'].includes(k)) fail(`"content": unknown key "${k}"`);
  return { infinitive: effect(o.infinitive, '"content.infinitive"'), clause: effect(o.clause, '"content.clause"'), object: effect(o.object, '"content.object"') };
}
