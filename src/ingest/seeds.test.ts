import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { needsShared, sharedPath } from '../../test/support/shared.js';
import { readPaths } from './read-paths.js';
import type { IngestedDocument } from './types.js';

/** The two reference inputs in ../shared/seeds, read at run time (their text is never copied here). */
describe('the real seeds', { skip: needsShared('seeds') }, () => {
  test('date 2023-10, the Bloomberg marker as source, no marker or boilerplate left', async () => {
    const dir = sharedPath('seeds');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
    assert.equal(names.length, 2);
    const docs: IngestedDocument[] = [];
    for await (const outcome of readPaths([dir])) {
      assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.error.input}: ${outcome.error.message}`);
      docs.push(outcome.doc);
    }
    assert.equal(docs.length, 2);
    for (const doc of docs) {
      assert.equal(doc.date, '2023-10');
      assert.equal(doc.title, null);
      for (const left of ['Les plus lus', '©', '(Bloomberg)']) assert.ok(!doc.text.includes(left), `"${left}" left in ${doc.origin}`);
      assert.ok(!/^\s*date/.test(doc.text), `date marker left in ${doc.origin}`);
      assert.equal(doc.text, doc.text.trim());
      assert.ok(!/\n{3,}/.test(doc.text) && doc.text.includes('\n\n'));
    }
    assert.equal(docs[1]?.source.name, 'Bloomberg');
    assert.equal(docs[0]?.source.name, null);
  });
});
