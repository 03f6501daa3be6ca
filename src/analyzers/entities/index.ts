import type { Analyzer } from '../../core/analyzer.js';
import { need } from '../../core/analyzer.js';
import { loadKnowledgeBase } from '../../kb/knowledge-base.js';
import { loadNerModel } from '../../ner/load.js';
import { extractEntities } from './extract.js';
import { entityLexicon } from './lexicon.js';

/**
 * Named entities (PER, ORG, GPE, LOC, MISC) — found by the language's NER model
 * (models/ner-<lang>.json, src/ner) with KB names, or by rule where there is no model — linked to the knowledge base (kb/ plus
 * $VEILLE_KB_DIR), with roles, country and sector, metonyms resolved ("Washington a
 * affirmé" → United States, GOV) and mentions grouped per referent.
 */
export const entitiesAnalyzer: Analyzer<'entities'> = {
  name: 'entities',
  version: '2',
  requires: ['sentences', 'tokens'],
  assigns: ['entities'],
  run: (input) => {
    const { doc, lang } = input;
    const entities = extractEntities(
      { text: doc.text, lang: lang.code, date: doc.date, tokens: need(input, 'tokens'), sentences: need(input, 'sentences') },
      loadKnowledgeBase(),
      entityLexicon(lang),
      { model: loadNerModel(lang.code) },
    );
    return { entities };
  },
};
