import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { raw } from '../../test/fixtures/ingest/fixtures.js';
import { detectFormat, extensionOf } from './format.js';

describe('detectFormat', () => {
  test('content type first, parameters ignored', () => {
    assert.equal(detectFormat(raw('page.txt', 'x', 'text/html; charset=utf-8')), 'html');
    assert.equal(detectFormat(raw('x', 'x', 'application/atom+xml')), 'feed');
    assert.equal(detectFormat(raw('x', '<html>', 'application/x-ndjson')), 'jsonl');
  });

  test('then the extension, of a path or a URL', () => {
    const cases: Array<[string, string]> = [
      ['a.txt', 'text'], ['a.md', 'text'], ['a.HTML', 'html'], ['a.htm', 'html'], ['a.xml', 'feed'], ['a.rss', 'feed'],
      ['a.atom', 'feed'], ['a.json', 'jsonl'], ['a.jsonl', 'jsonl'], ['a.ndjson', 'jsonl'],
      ['https://news.example/feed.rss?page=2#top', 'feed'],
    ];
    for (const [origin, format] of cases) assert.equal(detectFormat(raw(origin, '{"text":"x"}')), format, origin);
  });

  test('then a sniff of the first characters', () => {
    const cases: Array<[string, string]> = [
      ['<rss version="2.0">', 'feed'], ['  <feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
      ['<?xml version="1.0"?>\n<rss>', 'feed'], ['<!DOCTYPE html><html>', 'html'], ['<html lang="fr">', 'html'],
      ['<!-- saved page -->\n<html>', 'html'], ['{"text": "a"}\n{"text": "b"}', 'jsonl'], ['[{"text": "a"}]', 'jsonl'],
      ['[Updated] The port reopened.', 'text'], ['The port reopened.', 'text'], ['<?xml version="1.0"?><note/>', 'text'],
    ];
    for (const [content, format] of cases) assert.equal(detectFormat(raw('-', content)), format, content);
  });

  test('extensionOf', () => {
    assert.equal(extensionOf('dir.v2/file'), null);
    assert.equal(extensionOf('.hidden'), null);
    assert.equal(extensionOf('C:\\news\\a.TXT'), 'txt');
  });
});
