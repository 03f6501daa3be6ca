import { need, type Analyzer } from '../../core/analyzer.js';
import { loadKnowledgeBase } from '../../kb/knowledge-base.js';
import { extractEvents } from './extract.js';
import { eventGrammar } from './grammar.js';
import { PATTERNS_DIR_ENV } from './user-patterns.js';

export { claimEventsRefiner, linkClaimEvents } from './claim-events.js';
export { PATTERNS_DIR_ENV } from './user-patterns.js';

export interface EventsOptions {
  /** A user pattern directory (`<dir>/<code>/events*.json`); default $VEILLE_PATTERNS_DIR; null: none. */
  patternsDir?: string | null;
}

/**
 * The events analyzer with its options. Patterns are data: `lang/<code>/events.json`, with
 * users' additions and overrides in a pattern directory.
 */
export function createEventsAnalyzer(options: EventsOptions = {}): Analyzer<'events' | 'uncoded'> {
  return {
    name: 'events',
    version: '1',
    requires: ['sentences', 'tokens', 'entities', 'times', 'claims'],
    assigns: ['events', 'uncoded'],
    run: (input) => {
      const dir = options.patternsDir === undefined ? process.env[PATTERNS_DIR_ENV] || null : options.patternsDir;
      return extractEvents(
        {
          doc: input.doc,
          sentences: need(input, 'sentences'),
          tokens: need(input, 'tokens'),
          entities: need(input, 'entities'),
          times: need(input, 'times'),
          claims: need(input, 'claims'),
        },
        eventGrammar(input.lang, dir),
        loadKnowledgeBase(),
      );
    },
  };
}

/**
 * PLOVER events (`events`) and the triggers that gave none (`uncoded`): who did what to
 * whom, when, where and how sure, coded from French or English directly.
 *
 * @example
 * // "Londres a assuré mardi que l'Iran avait livré des drones au Soudan."
 * // → { event: "AID", actor: [{ code: "IRN" }], recipient: [{ code: "SDN" }], modality: "reported",
 * //     attributed_to: "e1" (United Kingdom), modality_cue: { text: "a assuré" }, rule: "fr/aid/livrer" }
 */
export const eventsAnalyzer = createEventsAnalyzer();
