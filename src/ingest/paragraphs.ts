/**
 * Paragraph handling shared by the readers: every reader hands out text whose paragraphs are
 * separated by exactly one blank line, with no leading or trailing whitespace.
 */

/** The separator between paragraphs in every ingested text. */
export const PARAGRAPH_BREAK = '\n\n';

/** Unix line ends: CRLF and lone CR (old Mac files, some exports) become LF. */
export function unixLines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Paragraphs of a plain text: split on blank (or whitespace-only) lines; lines inside a paragraph
 * keep their single line breaks, trimmed of trailing spaces.
 */
export function splitParagraphs(text: string): string[] {
  return unixLines(text)
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()).join('\n').trim())
    .filter((paragraph) => paragraph !== '');
}

/** The paragraphs joined by one blank line, blank ones dropped. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => p.trim()).filter((p) => p !== '').join(PARAGRAPH_BREAK);
}
