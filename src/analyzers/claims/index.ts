import { need, type Analyzer } from '../../core/analyzer.js';
import { attributionInput } from '../attribution/document-context.js';
import { extractClaims } from './extract.js';

/**
 * Claims (the record's `claims`): assertions with their source, denials and doubts, and for
 * each denial or doubt the claim it answers (`about`). Reads the quotes layer for reported
 * speech; verbs, nouns and frames are in lang/<code>/cues.json; the speaker rules and grammar
 * it shares with quotes are in ../attribution. `events` are filled by the claim-events refiner.
 */
export const claimsAnalyzer: Analyzer<'claims'> = {
  name: 'claims',
  version: '1',
  requires: ['sentences', 'tokens', 'entities', 'quotes'],
  assigns: ['claims'],
  run: (input) => ({ claims: extractClaims({ ...attributionInput(input), quotes: need(input, 'quotes') }) }),
};
