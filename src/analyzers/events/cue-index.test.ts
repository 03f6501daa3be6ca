import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CueIndex } from './cue-index.js';

const hits = (index: CueIndex<string>, words: string[]): string[] =>
  words.flatMap((_, i) => index.at(words, i).map((h) => `${h.value}@${h.first}-${h.last}`));

describe('cue index (word sequences from data, found at each word)', () => {
  const index = new CueIndex<string>();
  index.add('sanction*', 'prefix');
  index.add('à moins que', 'phrase');
  index.add('a', 'short');
  index.add('ab*', 'short-prefix');
  index.add("d'urgence", 'elided');

  test('exact words, phrases and prefixes are found where they start, in order', () => {
    assert.deepEqual(hits(index, ['les', 'sanctions', 'à', 'moins', 'que', 'a', 'abattre']), ['prefix@1-1', 'phrase@2-4', 'short@5-5', 'short-prefix@6-6']);
    assert.deepEqual(hits(index, ['sanction']), ['prefix@0-0']);
    assert.deepEqual(hits(index, ['réunion', "d'", 'urgence']), ['elided@1-2']);
  });

  test('words that start no cue give none (the filter turns them away, a near miss included)', () => {
    assert.deepEqual(hits(index, ['san', 'sanctio', 'à', 'moins', 'maison', 'b']), []);
    assert.equal(index.at(['maison'], 0), index.at(['rien'], 0), 'the same empty list');
  });
});
