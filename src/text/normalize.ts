/**
 * Normalization of a document's text. Every offset in the analysis record indexes the
 * normalized text, so this runs once, before anything else, and must stay stable: changing it
 * changes document ids.
 */

// C0 and C1 control characters except tab (U+0009) and line feed (U+000A), plus invisible
// characters that split words in scraped text: the BOM / zero-width no-break space, the
// zero-width space and the soft hyphen.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u0084\u0086-\u009f\ufeff\u200b\u00ad]/g;
// Line ends other than LF: CRLF, CR, NEL, the Unicode line separator, form feed, vertical tab.
const LINE_ENDS = /\r\n?|[\u0085\u2028\u000b\u000c]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;
const BLANK_LINES = /\n{3,}/g;

/**
 * The normalized form of a text: BOM stripped, line ends as LF, NFC, control characters
 * other than \n and \t dropped, trailing white space of each line removed, 3+ newlines
 * collapsed to 2, trimmed. No-break spaces (U+00A0, U+202F) inside lines are kept: French
 * typography uses them ("1 000", "57 %", « … »).
 * @example normalizeText('\uFEFFLe  texte.\r\n\r\n\r\nFin. ') // 'Le  texte.\n\nFin.'
 */
export function normalizeText(raw: string): string {
  const text = raw
    .replace(LINE_ENDS, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .normalize('NFC')
    .replace(INVISIBLE, '');
  // Line by line rather than /\s+$/gm, which backtracks quadratically on long runs of spaces.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = (lines[i] as string).trimEnd();
  return lines.join('\n').replace(BLANK_LINES, '\n\n').trim();
}
