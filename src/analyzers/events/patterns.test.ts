import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVeilleError } from '../../core/errors.js';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';
import { findTriggers } from './find-triggers.js';
import { clearEventGrammars, eventGrammar, type EventGrammar } from './grammar.js';
import { buildPatternIndex } from './pattern-index.js';
import { SentenceViewer } from './sentence-view.js';
import { W } from './word-class.js';

/**
 * The pattern ids firing in a text. Names are taken to be the capitalized words that are no
 * function word (so that this test does not hang on the entities analyzer).
 */
function firing(text: string, grammar: EventGrammar, code: string): string[] {
  const lang = languageData(code);
  const sentences = splitSentences(text, lang);
  const tokens = sentences.flatMap((s) => tokenize(text, lang, s));
  const viewer = new SentenceViewer(tokens, grammar.words);
  return sentences.map((s, i) => viewer.view(s, i)).flatMap((v) =>
    findTriggers(v, grammar.lexicon, (k) => k > 0 && v.tokens[k]!.kind === 'word' && v.classes[k] === W.CAPITAL).map((m) => m.pattern.id));
}

describe('event patterns (lang/*/events.json)', () => {
  for (const code of ['fr', 'en']) {
    test(`${code}: every pattern fires on its own example`, () => {
      const grammar = eventGrammar(languageData(code), null);
      const silent = grammar.index.patterns.filter((p) => p.example === null || !firing(p.example, grammar, code).includes(p.id)).map((p) => `${p.id}: ${p.example}`);
      assert.deepEqual(silent, []);
    });

    test(`${code}: every PLOVER category has patterns, every id is the language's`, () => {
      const grammar = eventGrammar(languageData(code), null);
      const categories = new Set(grammar.index.patterns.map((p) => p.event).filter((e) => e !== null));
      assert.equal(categories.size, 16);
      for (const p of grammar.index.patterns) assert.ok(p.id.startsWith(`${code}/`), p.id);
    });
  }
});

describe('pattern compilation', () => {
  const inflection = eventGrammar(languageData('fr'), null).lexicon.inflection;
  const compile = (pattern: object): unknown => {
    try {
      buildPatternIndex([{ path: 'mine.json', patterns: [pattern] }], inflection);
      return null;
    } catch (e) {
      return e;
    }
  };

  for (const [what, pattern, message] of [
    ['an unknown category', { id: 'x/1', event: 'ATTACK', verb: 'attaquer' }, /PLOVER category/],
    ['a mode of another category', { id: 'x/2', event: 'AID', verb: 'livrer', mode: ['visit'] }, /mode "visit" is not a mode of AID/],
    ['an unknown context', { id: 'x/3', event: 'AID', verb: 'livrer', context: ['sports'] }, /not a PLOVER context/],
    ['an unknown field', { id: 'x/4', event: 'AID', verb: 'livrer', actors: 'subject' }, /unknown field "actors"/],
    ['no trigger', { id: 'x/5', event: 'AID' }, /exactly one of "verb", "noun", "forms"/],
    ['an unknown slot', { id: 'x/6', event: 'AID', verb: 'livrer', recipient: ['dative'] }, /unknown slot "dative"/],
    ['a reporting verb with no content', { id: 'x/7', event: null, verb: 'dire' }, /must say what becomes of its "content"/],
  ] as const) {
    test(`refuses ${what}, naming the file and the pattern`, () => {
      const e = compile(pattern);
      assert.ok(isVeilleError(e) && e.code === 'MALFORMED', String(e));
      assert.match(e.message, /^mine\.json: pattern x\/\d/);
      assert.match(e.message, message);
    });
  }
});

describe('user patterns ($VEILLE_PATTERNS_DIR)', () => {
  test('add, override and drop patterns by id, without code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-patterns-'));
    try {
      mkdirSync(join(dir, 'fr'));
      writeFileSync(join(dir, 'fr', 'events-mine.json'), JSON.stringify({
        patterns: [
          { id: 'fr/user/parrainer', event: 'SUPPORT', verb: 'parrainer', example: 'La France parraine le Maroc.' },
          { id: 'fr/consult/rencontrer', event: 'CONSULT', verb: 'rencontrer', mode: ['third-party'], recipient: ['object'], reciprocal: true },
          { id: 'fr/aid/livrer', drop: true },
        ],
      }));
      clearEventGrammars();
      const grammar = eventGrammar(languageData('fr'), dir);
      assert.deepEqual(firing('La France parraine le Maroc.', grammar, 'fr'), ['fr/user/parrainer']);
      assert.deepEqual(grammar.index.patterns.find((p) => p.id === 'fr/consult/rencontrer')?.mode, ['third-party']);
      assert.deepEqual(firing('Le Brésil a livré des obus au Paraguay.', grammar, 'fr'), []);
      assert.deepEqual(firing('Le Brésil a livré des obus au Paraguay.', eventGrammar(languageData('fr'), null), 'fr'), ['fr/aid/livrer']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      clearEventGrammars();
    }
  });

  test('a user file that is not JSON fails with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-patterns-'));
    try {
      mkdirSync(join(dir, 'fr'));
      writeFileSync(join(dir, 'fr', 'events.json'), '{ not json');
      clearEventGrammars();
      assert.throws(() => eventGrammar(languageData('fr'), dir), (e: unknown) => isVeilleError(e) && e.code === 'MALFORMED' && e.message.includes(join(dir, 'fr', 'events.json')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      clearEventGrammars();
    }
  });
});
