import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { compileInflection, nounForms, verbForms } from './inflect.js';

const fr = languageData('fr').compiled('events-verbs', compileInflection);
const en = languageData('en').compiled('events-verbs', compileInflection);
const tagOf = (forms: { form: string; tag: string }[], form: string): string | undefined => forms.find((f) => f.form === form)?.tag;

describe('verb forms from lang/*/events-verbs.json', () => {
  test('French: regular -er with spelling and stem changes', () => {
    const livrer = verbForms('livrer', fr);
    assert.equal(tagOf(livrer, 'livré'), 'pp');
    assert.equal(tagOf(livrer, 'livrera'), 'fut');
    assert.equal(tagOf(livrer, 'livrerait'), 'cond');
    assert.equal(tagOf(livrer, 'livrer'), 'inf');
    assert.equal(tagOf(verbForms('commencer', fr), 'commençait'), 'past');
    assert.equal(tagOf(verbForms('libérer', fr), 'libère'), 'pres');
    assert.equal(tagOf(verbForms('rappeler', fr), 'rappelle'), 'pres');
  });

  test('French: verb families and irregular verbs', () => {
    assert.equal(tagOf(verbForms('promettre', fr), 'promis'), 'pp');
    assert.equal(tagOf(verbForms('reprendre', fr), 'reprennent'), 'pres');
    assert.equal(tagOf(verbForms('détruire', fr), 'détruit'), 'pres');
    assert.equal(tagOf(verbForms('accueillir', fr), 'accueilli'), 'pp');
    assert.equal(tagOf(verbForms('reconnaître', fr), 'reconnu'), 'pp');
    assert.equal(tagOf(verbForms('démentir', fr), 'dément'), 'pres');
    assert.equal(tagOf(verbForms('rompre', fr), 'rompu'), 'pp');
    assert.equal(tagOf(verbForms('faire', fr), 'fera'), 'fut');
  });

  test('English: spelling rules, doubled consonants, irregular verbs', () => {
    assert.equal(tagOf(verbForms('deny', en), 'denied'), 'past');
    assert.equal(tagOf(verbForms('provide', en), 'providing'), 'ing');
    assert.equal(tagOf(verbForms('ban', en), 'banned'), 'past');
    assert.equal(tagOf(verbForms('cancel', en), 'cancelled'), 'past');
    assert.equal(tagOf(verbForms('meet', en), 'met'), 'past');
    assert.equal(tagOf(verbForms('withdraw', en), 'withdrawn'), 'pp');
    assert.equal(tagOf(verbForms('reach', en), 'reaches'), 'pres');
  });

  test('noun plurals', () => {
    assert.deepEqual(nounForms('visite', fr), ['visite', 'visites']);
    assert.deepEqual(nounForms('général', fr), ['général', 'généraux']);
    assert.deepEqual(nounForms('inquiry', en), ['inquiry', 'inquiries']);
    assert.deepEqual(nounForms('clash', en), ['clash', 'clashes']);
  });
});
