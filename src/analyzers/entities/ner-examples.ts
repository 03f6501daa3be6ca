import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { LanguageData } from '../../lang/types.js';
import { NER_TYPES, tagsOfSpans, type NerType, type TaggedSpan } from '../../ner/tags.js';
import type { NerExample } from '../../ner/types.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';
import { buildContext } from './context.js';
import { findKbNames } from './find-kb-names.js';
import type { EntityLexicon } from './lexicon.js';
import { nerHints } from './ner-hints.js';
import { buildUnits } from './units.js';

/** A gold mention by character offsets, typed as its corpus types it. */
export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

/** Corpus types as the model's: GPE is a place, HIPE's HumanProd (newspapers, works) a MISC. */
function modelType(type: string): NerType | null {
  if (type === 'GPE') return 'LOC';
  if (type === 'HumanProd') return 'MISC';
  return (NER_TYPES as readonly string[]).includes(type) ? (type as NerType) : null;
}

/** A document as a training sequence, and how many gold mentions fell on unit boundaries. */
export interface BuiltExample {
  example: NerExample;
  aligned: number;
  /** Gold mentions whose ends fall inside a unit (OCR hyphenation…): left untagged. */
  unaligned: number;
}

/**
 * The training sequence of a gold document: its units as the analyzer sees them (with the
 * same KB and lexicon hints) and BIO tags from the gold mentions.
 */
export function nerExample(id: string, text: string, date: string | null, gold: readonly GoldSpan[], data: LanguageData, kb: KnowledgeBase, lex: EntityLexicon): BuiltExample {
  const units = buildUnits(tokenize(text, data), splitSentences(text, data));
  const ctx = buildContext(text, data.code, date, units, lex, kb);
  const hints = nerHints(ctx, findKbNames(units, kb, data.code));
  const firstAt = new Map<number, number>();
  const lastAt = new Map<number, number>();
  units.forEach((u, i) => {
    if (!firstAt.has(u.start)) firstAt.set(u.start, i);
    lastAt.set(u.end, i + 1);
  });
  const spans: TaggedSpan[] = [];
  let unaligned = 0;
  for (const g of [...gold].sort((a, b) => a.start - b.start)) {
    const type = modelType(g.type);
    const first = firstAt.get(g.start);
    const last = lastAt.get(g.end);
    const prev = spans[spans.length - 1];
    if (!type || first === undefined || last === undefined || last <= first || (prev && first < prev.last) || units[first]!.sentence !== units[last - 1]!.sentence) {
      unaligned++;
      continue;
    }
    spans.push({ first, last, type });
  }
  return { example: { id, tokens: units, hints, tags: tagsOfSpans(units.length, spans) }, aligned: spans.length, unaligned };
}
