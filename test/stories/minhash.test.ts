import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, minhashSignature, SIGNATURE_SIZE } from '../../src/stories/minhash.js';

const TEXT = 'Le conseil municipal de Villeneuve a voté mardi un budget de douze millions d’euros pour rénover les écoles. '
  + 'La maire, Claire Martin, a salué un vote unanime et promis que les travaux commenceraient dès la rentrée prochaine.';

describe('MinHash signatures', () => {
  test('the same text gives the same signature', () => {
    const a = minhashSignature(TEXT);
    assert.equal(a.length, SIGNATURE_SIZE);
    assert.deepEqual(minhashSignature(TEXT), a);
    assert.equal(estimateJaccard(a, minhashSignature(TEXT)), 1);
  });

  test('case and accents do not matter; a lightly edited reprint stays close', () => {
    const a = minhashSignature(TEXT);
    assert.equal(estimateJaccard(a, minhashSignature(TEXT.toUpperCase())), 1);
    const edited = TEXT.replace('La maire,', 'La maire de la commune,').replace('dès la rentrée prochaine', 'en septembre');
    const j = estimateJaccard(a, minhashSignature(edited));
    assert.ok(j >= 0.5 && j < 1, `Jaccard of a light edit: ${j}`);
  });

  test('an unrelated text is far', () => {
    const other = 'Heavy rain flooded the northern districts overnight, and engineers inspected the cooling towers of the plant.';
    assert.ok(estimateJaccard(minhashSignature(TEXT), minhashSignature(other)) < 0.1);
  });

  test('a text without words has an empty signature, nobody’s copy', () => {
    assert.deepEqual(minhashSignature('  … — !'), []);
    assert.equal(estimateJaccard([], []), 0);
  });
});
