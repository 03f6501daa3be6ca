import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';
import { quoteLexicon } from './lexicon.js';
import { MAX_QUOTE_CHARS, pairQuoteMarks } from './quote-marks.js';
import { Words } from '../attribution/words.js';

function quoted(text: string, lang = 'fr'): string[] {
  const data = languageData(lang);
  const sentences = splitSentences(text, data);
  const words = new Words(text, sentences.flatMap((s) => tokenize(text, data, s)), sentences);
  return pairQuoteMarks(words, quoteLexicon(data).marks).map((p) => text.slice(p.start, p.end));
}

describe('quotes: pairing quotation marks', () => {
  test('French guillemets, English curly and straight marks', () => {
    assert.deepEqual(quoted('Il a dit « non » puis « oui ».'), ['non', 'oui']);
    assert.deepEqual(quoted('“Yes,” he said. "No," she said.', 'en'), ['Yes', 'No']);
  });

  test('nested marks: the outer pair only', () => {
    assert.deepEqual(quoted('« Il m’a dit “partez” hier », a-t-elle raconté.'), ['Il m’a dit “partez” hier']);
  });

  test('an opening mark never closed is no quote; the pairs after it still are', () => {
    assert.deepEqual(quoted('Il a dit « non. Puis « oui » enfin.'), ['oui']);
    assert.deepEqual(quoted('« Début sans fin.\n\nAutre paragraphe « vrai » ici.'), ['vrai']);
  });

  test('a closing mark with no opener is ignored', () => {
    assert.deepEqual(quoted('Fin » puis « début » ici.'), ['début']);
  });

  test('a quote over two paragraphs, each opened by the mark, is one quote', () => {
    assert.deepEqual(quoted('« Premier paragraphe.\n\n« Second paragraphe », a-t-il dit.'), ['Premier paragraphe.\n\n« Second paragraphe']);
  });

  test('straight marks pair by the side they touch', () => {
    assert.deepEqual(quoted('He said "yes and "no" and left.', 'en'), ['no']);
  });

  test('a pair longer than the limit is no quote', () => {
    const long = 'mot '.repeat(MAX_QUOTE_CHARS / 4 + 10);
    assert.deepEqual(quoted(`« ${long}» fin.`), []);
  });
});
