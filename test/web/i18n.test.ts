import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pickUiLanguage, translator, uiStrings, UI_LANGUAGES } from '../../src/web/i18n.js';
import { HIGHLIGHT_LAYERS } from '../../src/web/marks.js';

const WEB = join(import.meta.dirname, '..', '..', 'src', 'web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('interface strings as data', () => {
  test('French and English have the same keys', () => {
    const fr = Object.keys(uiStrings('fr')).sort();
    const en = Object.keys(uiStrings('en')).sort();
    assert.deepEqual(en, fr);
  });

  test('every key the pages use exists in every language', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(WEB)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\.t\('([a-z_.]+)'/g)) used.add(m[1] as string);
    }
    // Keys built from record values.
    for (const layer of HIGHLIGHT_LAYERS) used.add(`layer.${layer}`).add(`item.${layer}`);
    for (const v of ['direct', 'indirect', 'partial']) used.add(`quote.${v}`);
    for (const v of ['assert', 'deny', 'doubt']) used.add(`stance.${v}`);
    for (const v of ['asserted', 'reported', 'future', 'hypothetical', 'negated', 'historical']) used.add(`modality.${v}`);
    for (const v of ['more_than', 'less_than', 'about', 'exact']) used.add(`approx.${v}`);
    for (const v of ['PER', 'ORG', 'GPE', 'LOC', 'MISC']) used.add(`etype.${v}`);
    for (const v of [1, 2, 3, 4]) used.add(`quad.${v}`);
    for (const v of UI_LANGUAGES) used.add(`lang.switch.${v}`);
    assert.ok(used.size > 50);
    for (const lang of UI_LANGUAGES) {
      const strings = uiStrings(lang);
      const missing = [...used].filter((k) => !(k in strings));
      assert.deepEqual(missing, [], `lang/${lang}/ui.json lacks keys`);
    }
  });

  test('placeholders are filled; a missing key shows itself', () => {
    assert.equal(translator('en').t('doc.sentences', { n: 3 }), '3 sentences');
    assert.equal(translator('fr').t('no.such.key'), 'no.such.key');
  });

  test('language: ?lang=, then the cookie, then Accept-Language by q, then French', () => {
    assert.equal(pickUiLanguage({}), 'fr');
    assert.equal(pickUiLanguage({ acceptLanguage: 'en-GB,en;q=0.9' }), 'en');
    assert.equal(pickUiLanguage({ acceptLanguage: 'de-DE,de;q=0.9,en;q=0.8,fr;q=0.7' }), 'en');
    assert.equal(pickUiLanguage({ acceptLanguage: 'en;q=0.5,fr;q=0.8' }), 'fr');
    assert.equal(pickUiLanguage({ acceptLanguage: 'de' }), 'fr');
    assert.equal(pickUiLanguage({ cookie: 'en', acceptLanguage: 'fr' }), 'en');
    assert.equal(pickUiLanguage({ query: 'fr', cookie: 'en' }), 'fr');
    assert.equal(pickUiLanguage({ query: 'xx' }), 'fr');
    assert.equal(pickUiLanguage({ acceptLanguage: ';;;,q=,en;q=abc' }), 'fr');
  });
});
