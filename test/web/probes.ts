/**
 * XSS probes: documents whose title, text, source and extracted items carry markup, event
 * handlers, `javascript:` URLs and `</title>`. Ingested through the API (as an attacker
 * would) or stored directly (for fields no analyzer fills yet).
 */
import { documentId } from '../../src/core/ids.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import { plainRecord, spanOf } from '../api/records.js';

export const PROBE_JSONL = JSON.stringify({
  title: "</title><script>alert('title')</script>",
  text: "Le communiqué <script>alert('x')</script> cite <img src=x onerror=alert(2)> et <a href=\"javascript:alert(3)\">un lien</a> avant la fin.",
  source: { name: '<b onmouseover=alert(5)>Evil</b>', url: 'javascript:alert(4)' },
  date: '2024-06-01',
  language: 'fr',
});

export const PROBE_HTML = `<!doctype html><html lang="fr"><head><title>&lt;/title&gt;&lt;script&gt;alert(6)&lt;/script&gt;</title></head>
<body><article><h1>&lt;/title&gt;&lt;script&gt;alert(6)&lt;/script&gt;</h1>
<p>Le texte de cet article contient &lt;script&gt;alert(7)&lt;/script&gt; et aussi &lt;img src=x onerror=alert(8)&gt; au milieu d'un paragraphe assez long pour être gardé.</p>
<p>Un second paragraphe parle de &lt;svg onload=alert(9)&gt; et d'un lien &lt;a href="javascript:alert(10)"&gt;piégé&lt;/a&gt; dans le texte.</p>
</article></body></html>`;

export const PROBE_TEXT = 'Le maire a déclaré "><svg onload=alert(11)> puis \'><iframe src=javascript:alert(12)></iframe> lors du conseil.';

/** A stored record whose entity, quote and claim fields carry markup (no analyzer makes them yet). */
export function hostileRecord(): AnalysisRecord {
  const text = 'Selon <em>Mallory</em>, le port rouvrira "><img src=x onerror=alert(13)> demain.';
  const record = plainRecord(text, {
    title: '<img src=x onerror=alert(14)>', source: { name: '</title><script>alert(15)</script>', url: 'javascript:alert(16)' },
    origin: 'javascript:alert(17)', date: '2024-06-02',
  });
  const who = spanOf(text, '<em>Mallory</em>');
  const what = spanOf(text, 'le port rouvrira "><img src=x onerror=alert(13)> demain');
  return {
    ...record,
    doc: { ...record.doc, id: documentId(text) },
    entities: [{ id: 'e1', type: 'PER', name: '<script>alert(18)</script>', kb: null, country: null, sector: null, roles: ['"><b>role</b>'], mentions: [who] }],
    quotes: [{ id: 'q1', ...what, kind: 'indirect', speaker: 'e1', speaker_text: '<img src=x onerror=alert(19)>', cue: null }],
    claims: [{ id: 'c1', ...what, stance: 'assert', source: 'e1', cue: null, about: null, events: [] }],
  };
}

/** Markup that must never appear unescaped in a page built from the probes. */
export const EXECUTABLE = [
  /<script>alert/i, /<img\b/i, /<svg\b/i, /<iframe\b/i, /<em>Mallory/i, /<b\b[^>]*onmouseover/i,
  // Attribute values are always double-quoted by the page templates; escaped text has &quot;.
  /\s(href|src|action|formaction)\s*=\s*"\s*javascript:/i,
];
