import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, raw } from '../../test/fixtures/ingest/fixtures.js';
import { takeDateMarker, textReader } from './text.js';
import type { IngestedDocument, RawInput } from './types.js';

function readOne(input: RawInput): IngestedDocument {
  const outcomes = textReader.read(input);
  assert.equal(outcomes.length, 1);
  const [outcome] = outcomes;
  assert.ok(outcome?.ok, outcome && !outcome.ok ? outcome.error.message : 'no outcome');
  return outcome.doc;
}

describe('textReader: the seed format', () => {
  test('French: date marker, outlet marker and boilerplate lines', () => {
    const doc = readOne(fixture('seed-fr.txt'));
    assert.equal(doc.date, '2024-03');
    assert.equal(doc.source.name, 'Le Courrier du Littoral');
    assert.equal(doc.title, null);
    assert.equal(doc.language, null);
    assert.equal(doc.origin, 'seed-fr.txt');
    assert.deepEqual(doc.text.split('\n\n'), [
      'Le conseil municipal de Port-Vallon a adopté mardi un plan de rénovation du port de pêche, estimé à 12 millions d’euros, malgré l’opposition d’une partie des pêcheurs.',
      'La maire, Claire Montel, a déclaré que les travaux commenceraient à l’automne et dureraient deux ans.',
      'Le syndicat des marins a annoncé une manifestation samedi devant la capitainerie.',
    ]);
  });

  test('English: a full date, outlet marker and boilerplate lines', () => {
    const doc = readOne(fixture('seed-en.txt'));
    assert.equal(doc.date, '2024-03-12');
    assert.equal(doc.source.name, 'Daily Ledger');
    assert.ok(doc.text.startsWith('Harbor workers in Eastport walked off'));
    assert.ok(doc.text.endsWith('said union leader Tom Baker.'));
    for (const gone of ['Most Read', 'Read more', 'With assistance', '(c) 2024', '(Daily Ledger)']) {
      assert.ok(!doc.text.includes(gone), `"${gone}" left in the text`);
    }
  });

  test('the date marker: YYYY, YYYY-MM, YYYY-MM-DD; the rest of the line is kept', () => {
    assert.deepEqual(takeDateMarker(' date 2024 Texte.'), { date: '2024', rest: 'Texte.' });
    assert.deepEqual(takeDateMarker(' date 2024-03 Texte.'), { date: '2024-03', rest: 'Texte.' });
    assert.deepEqual(takeDateMarker('date 2024-03-12\nTexte.'), { date: '2024-03-12', rest: '\nTexte.' });
  });

  test('no date marker: an invalid date or a sentence that merely starts with "Date"', () => {
    assert.equal(takeDateMarker(' date 2024-13 Texte.').date, null);
    assert.equal(takeDateMarker('Dates of the talks were set.').date, null);
    assert.equal(readOne(raw('a.txt', ' date 2024-13 Le port.')).text, 'date 2024-13 Le port.');
  });
});

describe('textReader: outlet markers', () => {
  test('a wire dateline keeps its place and date, drops the outlet, reads the credits line as boilerplate', () => {
    const doc = readOne(fixture('dateline-en.txt'));
    assert.equal(doc.source.name, 'Reuters');
    assert.equal(doc.date, null);
    assert.deepEqual(doc.text.split('\n\n'), [
      'SPRINGFIELD, March 12 - The state legislature passed a water-rights bill on Tuesday after a night of debate.',
      'The governor is expected to sign it this week.',
    ]);
  });

  test('a French agency dateline; single line breaks inside a paragraph stay', () => {
    const doc = readOne(fixture('depeche-fr.txt'));
    assert.equal(doc.source.name, 'AFP');
    assert.equal(doc.text, 'Lyon, 12 mars 2024 - Le tribunal administratif a suspendu lundi l’arrêté municipal interdisant les trottinettes,\na-t-on appris auprès de la préfecture.');
  });

  test('any outlet name, with either dash', () => {
    for (const [line, outlet] of [['(AFP) - Un séisme a frappé.', 'AFP'], ['(The Harbor Times) — A quake struck.', 'The Harbor Times'], ['(Ouest-Radio) – Un séisme.', 'Ouest-Radio']]) {
      const doc = readOne(raw('w.txt', `${line}\n\nSuite.`));
      assert.equal(doc.source.name, outlet);
      assert.ok(!doc.text.includes(`(${outlet})`));
    }
  });
});

describe('textReader: what must be kept', () => {
  test('a parenthesis not followed by a dash, and mid-text outlet names, are not markers', () => {
    const doc = readOne(raw('n.txt', '(Photo) Le maire inaugure le pont.\n\nSelon Reuters - et d’autres - le pont est fermé.'));
    assert.equal(doc.source.name, null);
    assert.equal(doc.text, '(Photo) Le maire inaugure le pont.\n\nSelon Reuters - et d’autres - le pont est fermé.');
  });

  test('boilerplate words inside a sentence stay; only whole lines go', () => {
    const text = 'Il a dit : « Lire aussi : le rapport » avant de partir.\n\nThe committee will read more: reports next week.';
    assert.equal(readOne(raw('k.txt', text)).text, text);
  });

  test('Markdown: a level-1 heading on the first line is the title; "Copyright law…" is text', () => {
    const doc = readOne(fixture('note.md'));
    assert.equal(doc.title, 'Budget vote delayed in Eastport');
    assert.equal(doc.text, 'The council postponed its budget vote to next month.\n\nCopyright law was not on the agenda.');
  });

  test('CRLF line ends and runs of blank lines give one blank line between paragraphs', () => {
    assert.equal(readOne(raw('c.txt', '  First.\r\n\r\n\r\n   \r\nSecond.  \r\n')).text, 'First.\n\nSecond.');
  });
});

describe('textReader: errors name the input', () => {
  test('empty, binary, and boilerplate-only inputs', () => {
    for (const [input, code] of [
      [fixture('empty.txt'), 'EMPTY'],
      [fixture('binary.dat'), 'NOT_TEXT'],
      [raw('only-boilerplate.txt', 'Les plus lus sur Le Courrier\n\n© 2024 Le Courrier'), 'EMPTY'],
    ] as const) {
      const [outcome] = textReader.read(input);
      assert.ok(outcome && !outcome.ok);
      assert.equal(outcome.error.code, code);
      assert.equal(outcome.error.input, input.origin);
    }
  });
});
