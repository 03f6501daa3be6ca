import { need, type Analyzer } from '../../core/analyzer.js';
import { tokenize } from '../../text/tokens.js';

/** Tokenizes each sentence (the internal `tokens` layer): no token crosses a sentence end. */
export const tokensAnalyzer: Analyzer<'tokens'> = {
  name: 'tokens',
  version: '1',
  requires: ['sentences'],
  assigns: ['tokens'],
  run: (input) => ({
    tokens: need(input, 'sentences').flatMap((sentence) => tokenize(input.doc.text, input.lang, sentence)),
  }),
};
