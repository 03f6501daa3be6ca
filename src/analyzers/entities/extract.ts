import type { Token } from '../../core/layers.js';
import type { Entity, Sentence } from '../../core/record.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { NerModel } from '../../ner/ner-model.js';
import { buildDrafts } from './build-drafts.js';
import { combineDrafts, type MentionSource } from './combine-drafts.js';
import { buildContext } from './context.js';
import { findCapitalRuns } from './find-capitalized.js';
import { findKbNames } from './find-kb-names.js';
import { groupEntities, type Resolved } from './group-entities.js';
import type { EntityLexicon } from './lexicon.js';
import { linkDraft } from './link.js';
import { politicalReading } from './metonymy.js';
import { modelDrafts } from './model-drafts.js';
import { nerHints } from './ner-hints.js';
import { roleMentions } from './role-mentions.js';
import { attachRoles } from './role-phrases.js';
import { buildUnits } from './units.js';

export interface EntityInput {
  text: string;
  /** The language of the data used (`fr`, `en`): KB names of other languages do not match. */
  lang: string;
  /** The document's date (ISO, any precision), for the KB's dated affiliations. */
  date: string | null;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
}

export interface MentionOptions {
  /** The NER model of the language; null or absent: names are found by rule alone. */
  model?: NerModel | null;
  /** How the model's mentions and the rules' combine (default `DEFAULT_SOURCE`). */
  source?: MentionSource;
}

/**
 * The entities of a document: mentions from the NER model (when the language has one) and/or
 * from KB names and capitalized runs, roles attached, KB entries chosen, metonyms read,
 * mentions grouped into one entity per referent.
 */
export function extractEntities(input: EntityInput, kb: KnowledgeBase, lex: EntityLexicon, options: MentionOptions = {}): Entity[] {
  const units = buildUnits(input.tokens, input.sentences);
  const ctx = buildContext(input.text, input.lang, input.date, units, lex, kb);
  const matches = findKbNames(units, kb, input.lang);
  const rules = buildDrafts(ctx, findCapitalRuns(ctx), matches);
  const drafts = options.model ? combineDrafts(ctx, modelDrafts(ctx, options.model.mentions(units, nerHints(ctx, matches))), rules, options.source) : rules;
  const used = attachRoles(ctx, drafts);
  const roleOnly = roleMentions(ctx, drafts, used);
  const resolved: Resolved[] = drafts.map((draft) => {
    const textCountry = draft.roles.find((r) => r.country)?.country ?? null;
    const link = linkDraft(ctx, draft, textCountry);
    const political = link ? politicalReading(ctx, draft, link.entry) : null;
    return { draft, link, political };
  });
  return groupEntities(ctx, resolved, roleOnly);
}
