import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, html, joinHtml, SafeHtml } from '../../src/web/html.js';
import { localPath, safeHttpUrl } from '../../src/web/safe-url.js';
import { domId } from '../../src/web/dom-id.js';

describe('html escaping', () => {
  test('escapeHtml escapes the five HTML specials and the backtick', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });

  test('the html template escapes values, keeps SafeHtml, joins arrays and drops null/booleans', () => {
    const title = '</title><script>alert(1)</script>';
    const out = html`<title>${title}</title><p class="${'" onmouseover="x'}">${[html`<b>${'<i>'}</b>`, 'x&y']}${null}${false}${0}</p>`;
    assert.ok(out instanceof SafeHtml);
    assert.equal(out.value, '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title><p class="&quot; onmouseover=&quot;x"><b>&lt;i&gt;</b>x&amp;y0</p>');
  });

  test('joinHtml escapes strings between trusted separators', () => {
    assert.equal(joinHtml(['<a>', html`<b>ok</b>`], ' · ').value, '&lt;a&gt; · <b>ok</b>');
  });

  test('only http(s) URLs become links', () => {
    assert.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '//evil.example', '/relative', 'java\nscript:alert(1)', null, '']) {
      assert.equal(safeHttpUrl(bad), null, String(bad));
    }
  });

  test('login redirects stay on this site', () => {
    assert.equal(localPath('/events?x=1'), '/events?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\u0000x', '']) assert.equal(localPath(bad), '/', bad);
  });

  test('record ids become safe, distinct HTML ids', () => {
    assert.equal(domId('e1'), 'e1');
    assert.notEqual(domId('a b'), domId('a_b'));
    assert.match(domId('"><script>'), /^[A-Za-z0-9_-]+$/);
  });
});
