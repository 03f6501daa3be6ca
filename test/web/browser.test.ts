import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from '../api/harness.js';
import { talksRecord, visitRecord } from '../api/records.js';
import { hostileStoryRecords } from '../api/story-probes.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { findChromium, launchBrowser, type Browser } from './browser.js';
import { hostileRecord, PROBE_HTML, PROBE_JSONL, PROBE_TEXT } from './probes.js';

const chromium = findChromium();
const skip = 'skip' in chromium ? chromium.skip : false;
if (skip) console.log(`browser tests skipped: ${skip}`);

/** Screenshots for the README are written only when asked (they are committed files). */
const SCREENSHOTS = process.env.VEILLE_SCREENSHOTS ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : null;

/**
 * In the page (a string: the tests compile without DOM types): elements and attributes an
 * injection would add — scripts other than ours, images, SVG, frames, on* handlers, javascript: URLs.
 */
const INJECTED_ELEMENTS = `(() => {
  const bad = [...document.querySelectorAll('script:not([src^="/static/"]), img, svg, iframe, em, object, embed')].map((e) => e.tagName);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(el.tagName + '[' + a + ']');
    const url = el.getAttribute('href') || el.getAttribute('src') || '';
    if (/^\\s*javascript:/i.test(url)) bad.push(el.tagName + ' javascript: URL');
  }
  return bad;
})()`;

/** Watches a page for what an XSS would cause: dialogs, errors, CSP violations. */
function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  return seen;
}

describe('browser (Chromium)', { skip }, () => {
  let s: TestServer;
  let browser: Browser;
  const probeIds: string[] = [];

  before(async () => {
    s = await startServer({ records: [visitRecord(), talksRecord(), hostileRecord()] });
    for (const [body, type] of [[PROBE_JSONL, 'application/x-ndjson'], [PROBE_HTML, 'text/html'], [PROBE_TEXT, 'text/plain']]) {
      const r = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': type as string }, body });
      probeIds.push(...((await r.json()) as { documents: { id: string }[] }).documents.map((d) => d.id));
    }
    probeIds.push(hostileRecord().doc.id);
    browser = await launchBrowser((chromium as { path: string }).path);
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('search, open a document, click a highlighted entity and see its details', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(`${s.base}/`);
    await page.fill('#q', 'Petrov');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=Petrov/);
    const result = page.locator('.hit h3 a').first();
    assert.equal(await result.textContent(), visitRecord().doc.title);
    await result.click();
    await page.waitForURL(new RegExp(`/documents/${visitRecord().doc.id}$`));

    const details = page.locator('#d-e1');
    assert.equal(await details.isVisible(), false, 'details start closed');
    await page.locator('a.hl[data-items~="e1"]').first().click();
    await details.waitFor({ state: 'visible' });
    const text = await details.innerText();
    assert.match(text, /Ivan Petrov/);
    assert.match(text, /RUS/);
    assert.equal(await page.locator('a.hl.sel').count(), 2, 'both mentions of e1 are marked');

    // Keyboard: Escape closes; Enter on a focused highlight opens and moves focus to the details.
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    await page.locator('a.hl[data-items~="t1"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#d-t1').waitFor({ state: 'visible' });
    assert.ok(await page.locator('#d-v1').isVisible(), 'the event covering the time opens too');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'd-t1');

    // The denial links to the claim it answers.
    await page.locator('a.hl[data-items~="c2"]').first().click();
    await page.locator('#d-c2 a[data-open="c1"]').click();
    await page.locator('#d-c1').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#d-c2').isVisible(), false);
    assert.deepEqual(seen, { dialogs: [], errors: [] });
    await page.close();
  });

  test('the document page reads at phone width', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${s.base}/documents/${visitRecord().doc.id}`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as number;
    assert.ok(overflow <= 0, `no horizontal scroll at phone width (${overflow}px too wide)`);
    await page.locator('a.hl[data-items~="q1"]').first().click();
    await page.locator('#d-q1').waitFor({ state: 'visible' });
    const sheet = await page.locator('#details').boundingBox();
    assert.ok(sheet && sheet.y + sheet.height <= 845 && sheet.y > 300, 'details open as a sheet at the bottom');
    await page.close();
  });

  test('download the events table as CSV', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${s.base}/events`);
    await page.selectOption('#f-event', 'CONSULT');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/event=CONSULT/);
    assert.equal(await page.locator('table.events tbody tr').count(), 2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-link')]);
    assert.equal(download.suggestedFilename(), 'veille-events.csv');
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    assert.match(lines[0] ?? '', /^doc_id,doc_date,source/);
    assert.equal(lines.length, 3);
    assert.ok(lines.slice(1).every((l) => l.includes(',CONSULT,')));
    await page.close();
  });

  test('open a story, see the comparison table and the graph, click a report and land on its span', async () => {
    const stories = await startServer({ records: Object.values(STORY_RECORDS) });
    const page = await browser.context.newPage();
    try {
      const seen = watch(page);
      const visit = `s${STORY_RECORDS.visitFr.doc.id}`;
      await page.goto(`${stories.base}/stories`);
      await page.locator(`a[href="/stories/${visit}"]`).click();
      await page.waitForURL(new RegExp(`/stories/${visit}$`));
      const table = page.locator('table.compare').first();
      await table.waitFor({ state: 'visible' });
      const conflict = table.locator('tr.fact.conflict').first();
      assert.match(await conflict.innerText(), /conflit/);
      // The actor graph is drawn by cytoscape (a canvas) under the CSP, and listed in a table.
      await page.locator('#story-graph.drawn canvas').first().waitFor({ state: 'attached' });
      assert.ok(await page.locator('table.edges tbody tr').count() >= 1);

      const report = conflict.locator('ul.reports a.span-link').first();
      const words = await report.getAttribute('title');
      await report.click();
      await page.waitForURL(/\/documents\/[0-9a-f]{16}\?span=\d+-\d+#span$/);
      const target = page.locator('#span');
      await target.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'span', 'focus lands on the span');
      const marked = await page.locator('mark.target').allInnerTexts();
      assert.equal(marked.join(''), words);
      const box = await target.boundingBox();
      const viewport = page.viewportSize();
      assert.ok(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, `the span is in view (${JSON.stringify(box)})`);
      // Back to the story from the document; at phone width it reads without scrolling sideways.
      await page.locator('.story-link a').click();
      await page.waitForURL(new RegExp(`/stories/${visit}$`));
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as number;
      assert.ok(overflow <= 0, `no horizontal scroll at phone width (${overflow}px too wide)`);
      assert.deepEqual(seen, { dialogs: [], errors: [] });
    } finally {
      // Closed on failure too: an open server would keep the test process alive.
      await page.close();
      await stories.close();
    }
  });

  test('XSS probes do not execute: no dialog, no injected element', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    const paths = ['/', '/?q=alert', '/?q=script', '/entities', '/events', ...probeIds.map((id) => `/documents/${id}`)];
    for (const path of paths) {
      await page.goto(`${s.base}${path}`);
      const injected = await page.evaluate(INJECTED_ELEMENTS) as string[];
      assert.deepEqual(injected, [], path);
      // Click every highlight too: details open without running anything.
      for (const piece of await page.locator('a.hl').all()) await piece.click();
    }
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.errors, []);
    const title = await (async () => {
      await page.goto(`${s.base}/documents/${probeIds[0]}`);
      return page.title();
    })();
    assert.equal(title, "</title><script>alert('title')</script> · Veille");
    await page.close();
  });

  test('XSS probes in a story (titles, sources, summary sentences) do not execute', async () => {
    const h = await startServer({ records: hostileStoryRecords() });
    const page = await browser.context.newPage();
    const seen = watch(page);
    try {
      const [story] = ((await (await fetch(`${h.base}/api/stories`)).json()) as { items: { id: string }[] }).items;
      assert.ok(story);
      for (const path of ['/stories', `/stories/${story.id}`]) {
        await page.goto(`${h.base}${path}`);
        assert.deepEqual(await page.evaluate(INJECTED_ELEMENTS) as string[], [], path);
      }
      await page.locator('#story-graph.drawn canvas').first().waitFor({ state: 'attached' });
      assert.equal(await page.title(), '<svg onload=alert(23)> · Veille');
      for (const link of (await page.locator('ol.summary a.span-link').all()).slice(0, 3)) {
        await link.click();
        await page.waitForURL(/#span$/);
        assert.deepEqual(await page.evaluate(INJECTED_ELEMENTS) as string[], [], page.url());
        await page.goBack();
      }
      assert.deepEqual(seen, { dialogs: [], errors: [] });
    } finally {
      await page.close();
      await h.close();
    }
  });
});

describe('screenshots for the README (VEILLE_SCREENSHOTS=1)', { skip: skip || (SCREENSHOTS ? false : 'set VEILLE_SCREENSHOTS=1 to write docs/screenshots') }, () => {
  test('search, document (laptop and phone) and story pages', async () => {
    const dir = SCREENSHOTS as string;
    mkdirSync(dir, { recursive: true });
    const s = await startServer({ records: [visitRecord(), talksRecord(), ...Object.values(STORY_RECORDS)] });
    const browser = await launchBrowser((chromium as { path: string }).path, { width: 1200, height: 760 });
    try {
      const examples = join(import.meta.dirname, '..', '..', 'examples');
      for (const name of readdirSync(examples)) {
        const type = name.endsWith('.html') ? 'text/html' : name.endsWith('.jsonl') ? 'application/x-ndjson' : name.endsWith('.xml') ? 'application/rss+xml' : 'text/plain';
        await fetch(`${s.base}/api/ingest?origin=examples/${name}`, { method: 'POST', headers: { 'content-type': type }, body: readFileSync(join(examples, name)) });
      }
      const page = await browser.context.newPage();
      await page.goto(`${s.base}/?q=port`);
      await page.screenshot({ path: join(dir, 'search.png') });
      await page.goto(`${s.base}/documents/${visitRecord().doc.id}`);
      await page.locator('a.hl[data-items~="c2"]').first().click();
      await page.screenshot({ path: join(dir, 'document.png') });
      await page.setViewportSize({ width: 390, height: 760 });
      await page.goto(`${s.base}/documents/${visitRecord().doc.id}`);
      await page.locator('a.hl[data-items~="q1"]').first().click();
      await page.screenshot({ path: join(dir, 'document-phone.png') });
      await page.setViewportSize({ width: 1200, height: 1400 });
      const [story] = ((await (await fetch(`${s.base}/api/stories`)).json()) as { items: { id: string; article_count: number }[] }).items
        .sort((a, b) => b.article_count - a.article_count);
      if (story) {
        await page.goto(`${s.base}/stories/${story.id}?lang=en`);
        await page.locator('#story-graph.drawn canvas').first().waitFor({ state: 'attached' }).catch(() => undefined);
        await page.screenshot({ path: join(dir, 'story.png') });
        await page.locator('section:has(#story-graph)').screenshot({ path: join(dir, 'story-graph.png') });
      }
    } finally {
      await browser.close();
      await s.close();
    }
  });
});
