import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventScale, futureRecode, isContext, isMode, negatedRecode, PLOVER_CATEGORIES, quadCode, requiresRecipient } from './plover.js';

describe('the PLOVER table (plover-table.json)', () => {
  test('quad codes of the four quads', () => {
    assert.deepEqual(PLOVER_CATEGORIES.map(quadCode), [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
  });

  test('scores: a mode the table scores, else the category', () => {
    assert.equal(eventScale('CONSULT', ['visit']), 4);
    assert.equal(eventScale('CONSULT', []), 2.5);
    assert.equal(eventScale('ASSAULT', ['aerial']), -9.5);
    assert.equal(eventScale('PROTEST', ['vandalize']), -5);
    assert.equal(eventScale('ACCUSE', []), -3);
  });

  test('recipients required by COOPERATE, AID, SANCTION only', () => {
    assert.deepEqual(PLOVER_CATEGORIES.filter(requiresRecipient), ['COOPERATE', 'AID', 'SANCTION']);
  });

  test('modes and contexts are the manual\'s', () => {
    assert.ok(isMode('COERCE', 'martial-law'));
    assert.ok(!isMode('AID', 'visit'));
    assert.ok(isContext('cbrn'));
    assert.ok(!isContext('sports'));
  });

  test('the coding rules: a future cooperation is AGREE, a future retreat CONCEDE, a future attack a threat', () => {
    assert.deepEqual(futureRecode('CONSULT', ['visit']), { event: 'AGREE', mode: [] });
    assert.deepEqual(futureRecode('RETREAT', ['withdraw']), { event: 'CONCEDE', mode: [] });
    assert.deepEqual(futureRecode('ASSAULT', ['aerial']), { event: 'THREATEN', mode: ['violence'] });
    assert.deepEqual(futureRecode('COERCE', ['arrest']), { event: 'THREATEN', mode: ['arrest'] });
    assert.equal(futureRecode('ACCUSE', []), null);
    assert.equal(negatedRecode('AGREE'), 'REJECT');
    assert.equal(negatedRecode('ASSAULT'), null);
  });
});
