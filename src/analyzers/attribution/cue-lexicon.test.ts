import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LanguageData } from '../../lang/types.js';
import { cueLexiconView } from './cue-lexicon.js';
import { compileGrammar, cueFields } from './grammar.js';

/** Language data that serves one parsed cues.json, parsed once like the real cache. */
function langWith(raw: unknown): LanguageData {
  const cache = new Map<string, unknown>();
  return {
    code: 'xx',
    compiled<T>(name: string, compile: (r: unknown, code: string) => T): T {
      if (!cache.has(name)) cache.set(name, compile(name === 'cues' ? raw : null, 'xx'));
      return cache.get(name) as T;
    },
  };
}

describe('attribution: cues.json views', () => {
  test('each view compiles the file once, apart from the others', () => {
    let calls = 0;
    const auxiliaries = cueLexiconView((raw, code) => {
      calls++;
      return compileGrammar(cueFields(raw, code)).auxiliaries;
    });
    const pronouns = cueLexiconView((raw, code) => compileGrammar(cueFields(raw, code)).pronouns);
    const lang = langWith({ auxiliaries: ['A'], pronouns: ['il'] });
    assert.deepEqual([...auxiliaries(lang)], ['a']);
    assert.equal(auxiliaries(lang), auxiliaries(lang));
    assert.equal(calls, 1);
    assert.deepEqual([...pronouns(lang)], ['il']);
  });

  test('an absent file is an empty lexicon; a malformed one is an error naming the file', () => {
    const grammar = cueLexiconView((raw, code) => compileGrammar(cueFields(raw, code)));
    assert.equal(grammar(langWith(null)).auxiliaries.size, 0);
    assert.throws(() => grammar(langWith({ auxiliaries: 'a' })), /lang\/xx\/cues\.json: "auxiliaries" must be a list of strings/);
    assert.throws(() => grammar(langWith([1])), /lang\/xx\/cues\.json: expected a JSON object/);
  });
});
