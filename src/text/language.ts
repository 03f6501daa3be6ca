import { eld } from 'eld/small';

/** Languages Veille analyzes, and so the only ones `detectLanguage` answers besides `und`. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['fr', 'en'];

// Latin-script languages that look like French or English on few words. Scoring them too keeps
// a Spanish or Danish text from being forced into fr/en; they come back as `und`.
const RIVALS = ['de', 'es', 'it', 'pt', 'nl', 'ca', 'ro', 'da', 'no', 'sv', 'pl'];
// eld reads at most 1,000 characters of its input (src/languageDetector.js); longer texts are
// sampled as slices of that size: the opening, the next one, and one from the middle.
const SLICE = 1000;
// Below this many letters the n-grams are too few to tell (eld's own isReliable wants 3+).
const MIN_LETTERS = 12;
// eld's scores (0–1) of a text truly in a language sit near 0.75–0.85; below this, none fits.
const MIN_SCORE = 0.6;
// The lead over the runner-up under which the answer is a coin toss (`und`), and the lead
// that counts as full confidence. Chosen on eval/gold/language.jsonl and OrangeSum titles.
const MIN_MARGIN = 0.02;
const FULL_MARGIN = 0.1;

const detector = eld.newInstance();
detector.enableTextCleanup(true); // drops URLs, e-mails and digit codes before scoring
detector.setLanguageSubset([...SUPPORTED_LANGUAGES, ...RIVALS]);

export interface DetectedLanguage {
  /** `fr`, `en`, or `und` when the text is too short, in another language, or unclear. */
  language: string;
  /** 0–1: how far the answer leads the runner-up; 0 for `und`. */
  confidence: number;
}

/**
 * The language of a text among those Veille supports. Deterministic; on long texts it reads
 * a bounded sample (about 3,000 characters), so its cost does not grow with the text.
 * @example detectLanguage('Le gouvernement a annoncé mardi un nouveau plan.') // { language: 'fr', confidence: 1 }
 */
export function detectLanguage(text: string): DetectedLanguage {
  const slices = sample(text);
  const letters = slices.reduce((n, s) => n + (s.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < MIN_LETTERS) return { language: 'und', confidence: 0 };
  const totals = new Map<string, number>();
  for (const slice of slices) {
    for (const [code, score] of Object.entries(detector.detect(slice).getScores())) {
      totals.set(code, (totals.get(code) ?? 0) + score / slices.length);
    }
  }
  // Ties break by code so that the answer never depends on object key order.
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [best, second] = ranked;
  if (!best || !SUPPORTED_LANGUAGES.includes(best[0]) || best[1] < MIN_SCORE) return { language: 'und', confidence: 0 };
  const margin = best[1] - (second?.[1] ?? 0);
  if (margin < MIN_MARGIN) return { language: 'und', confidence: 0 };
  return { language: best[0], confidence: Math.round(Math.min(1, margin / FULL_MARGIN) * 1000) / 1000 };
}

/** Up to three slices of at most SLICE characters, cut at white space when one is near. */
function sample(text: string): string[] {
  if (text.length <= SLICE) return [text];
  const slice = (from: number): string => {
    const raw = text.slice(from, from + SLICE);
    const cut = raw.lastIndexOf(' ');
    return cut > SLICE / 2 && from + SLICE < text.length ? raw.slice(0, cut) : raw;
  };
  const slices = [slice(0), slice(SLICE)];
  if (text.length > 3 * SLICE) slices.push(slice(Math.floor(text.length / 2)));
  return slices.filter((s) => s.trim().length > 0);
}
