import { VeilleError } from '../core/errors.js';
import { documentId } from '../core/ids.js';
import type { Doc } from '../core/record.js';
import type { IngestedDocument } from '../ingest/types.js';
import { detectLanguage } from './language.js';
import { normalizeText } from './normalize.js';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// A timestamp's date part is taken as written, before any time-zone shift.
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/**
 * The document the pipeline analyzes: text and title normalized (`normalizeText`), id from
 * the normalized text, language as declared (an ISO 639-1 code, `fr-FR` read as `fr`) or else
 * detected, date kept only when it is a valid ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 * @throws VeilleError `EMPTY` when no text is left after normalization.
 */
export function toDocument(ingested: IngestedDocument): Doc {
  const text = normalizeText(ingested.text ?? '');
  if (text.length === 0) throw new VeilleError('EMPTY', `${ingested.origin}: no text left after normalization`, ingested.origin);
  const title = ingested.title == null ? '' : normalizeText(ingested.title).replace(/\s+/g, ' ');
  return {
    id: documentId(text),
    origin: ingested.origin,
    source: { name: ingested.source?.name ?? null, url: ingested.source?.url ?? null },
    title: title.length > 0 ? title : null,
    date: isoDate(ingested.date),
    language: declaredLanguage(ingested.language) ?? detectLanguage(text).language,
    text,
  };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A declared language as an ISO 639-1 code (`FR`, `fr-FR`, `fr_CA` → `fr`), or null if none is valid. */
export function declaredLanguage(declared: string | null | undefined): string | null {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2}$/.test(primary)) return null;
  // ICU knows the ISO 639-1 codes; `xx` and the like have no name.
  try {
    return languageNames.of(primary) === undefined ? null : primary;
  } catch {
    return null;
  }
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when it names a real date (a timestamp keeps its date), else null. */
export function isoDate(value: string | null | undefined): string | null {
  const s = value?.trim() ?? '';
  const m = ISO_DATE.exec(ISO_TIMESTAMP.exec(s)?.[1] ?? s);
  if (!m) return null;
  const [, year, month, day] = m;
  if (month === undefined) return year ?? null;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const lastDay = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  const dd = Number(day);
  return dd >= 1 && dd <= lastDay ? `${year}-${month}-${day}` : null;
}
