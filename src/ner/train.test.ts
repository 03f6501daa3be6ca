import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseModel, serializeModel } from './model-file.js';
import { spansOfTags } from './tags.js';
import { TOY_EXAMPLES, toyHints, toyTokens } from './test-support.js';
import { trainNer } from './train.js';

const OPTIONS = { epochs: 8, seed: 7, minCount: 1 };

describe('NER training (averaged perceptron)', () => {
  test('is deterministic: the same data and options write the same bytes', () => {
    const a = serializeModel(trainNer(TOY_EXAMPLES, OPTIONS));
    const b = serializeModel(trainNer(TOY_EXAMPLES, OPTIONS));
    assert.equal(a, b);
    assert.ok(a.length > 100);
  });

  test('the order of the training data is the seed\'s: another seed may give other weights, the same seed the same', () => {
    const again = serializeModel(trainNer([...TOY_EXAMPLES], { ...OPTIONS }));
    assert.equal(again, serializeModel(trainNer(TOY_EXAMPLES, OPTIONS)));
  });

  test('learns its training sentences', () => {
    const model = trainNer(TOY_EXAMPLES, OPTIONS);
    for (const ex of TOY_EXAMPLES) assert.deepEqual(model.mentions(ex.tokens, ex.hints), spansOfTags(ex.tags), ex.id);
  });

  test('a saved model reads back to the same tagger', () => {
    const model = trainNer(TOY_EXAMPLES, OPTIONS);
    const text = serializeModel(model);
    const back = parseModel(text, 'toy.json');
    assert.equal(serializeModel(back), text);
    const tokens = toyTokens('Le ministre Paul Morel a visité Rennes .');
    const hints = toyHints(tokens, { Rennes: 'LOC' });
    assert.deepEqual(back.tag(tokens, hints), model.tag(tokens, hints));
  });

  test('tags nothing in text without capitals or numbers (those tokens are not even scored)', () => {
    const model = trainNer(TOY_EXAMPLES, OPTIONS);
    const tokens = toyTokens('il pleut sur la ville depuis hier soir');
    assert.deepEqual(model.mentions(tokens, toyHints(tokens)), []);
    assert.deepEqual(model.mentions([], []), []);
  });
});
