import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  test('French and English news sentences', () => {
    const fr = detectLanguage('Le conseil municipal a adopté mardi soir le budget de la ville pour l’an prochain.');
    assert.equal(fr.language, 'fr');
    assert.ok(fr.confidence > 0.5);
    assert.equal(detectLanguage('The city council passed next year’s budget on Tuesday evening.').language, 'en');
  });
  test('too short or no letters: und', () => {
    for (const text of ['', 'OK', 'Paris', '12 345 678', '!!!', '👍🏽👍🏽👍🏽']) {
      assert.deepEqual(detectLanguage(text), { language: 'und', confidence: 0 }, JSON.stringify(text));
    }
  });
  test('other languages are und, not forced into French or English', () => {
    for (const text of [
      'Die Regierung hat am Dienstag ein neues Gesetz zur Energiepolitik vorgestellt.',
      'El gobierno presentó el martes una nueva ley sobre la política energética.',
      'Правительство во вторник представило новый закон об энергетике.',
      '政府は火曜日にエネルギー政策に関する新しい法案を発表した。',
    ]) {
      assert.equal(detectLanguage(text).language, 'und', text);
    }
  });
  test('long texts are sampled, with the same answer', () => {
    const sentence = 'Les syndicats ont appelé à une nouvelle journée de grève jeudi prochain dans les transports. ';
    const long = sentence.repeat(20_000);
    assert.equal(long.length > 1_000_000, true);
    assert.equal(detectLanguage(long).language, 'fr');
  });
  test('deterministic', () => {
    const text = 'Le ministre a démenti ces informations lors d’une conférence de presse.';
    assert.deepEqual(detectLanguage(text), detectLanguage(text));
  });
});
