import type { Analyzer } from '../../core/analyzer.js';
import { attributionInput } from '../attribution/document-context.js';
import { extractQuotes } from './extract.js';

/**
 * Reported speech (the record's `quotes`): direct, indirect and partial quotes with their cue
 * and speaker — an entity found by name, by role ("le président russe") or by pronoun ("a-t-il
 * ajouté" → the previous speaker). Cue verbs and the rest of the language knowledge are in
 * lang/<code>/cues.json; the speaker rules and grammar it shares with claims are in ../attribution.
 */
export const quotesAnalyzer: Analyzer<'quotes'> = {
  name: 'quotes',
  version: '1',
  requires: ['sentences', 'tokens', 'entities'],
  assigns: ['quotes'],
  run: (input) => ({ quotes: extractQuotes(attributionInput(input)) }),
};
