/**
 * A story whose titles, sources and sentences carry markup: the stories fixtures' French
 * and English reports (test/fixtures/stories) with hostile strings put where no entity,
 * event or figure is, so they still cluster into one story.
 */
import type { AnalysisRecord } from '../../src/core/record.js';
import { annotatedRecord } from '../fixtures/stories/annotated.js';
import { STORY_DOCS } from '../fixtures/stories/records.js';

export const HOSTILE_TITLE = "</title><script>alert('story')</script>";
export const HOSTILE_SENTENCE_MARKUP = '<img src=x onerror=alert(21)>';

export function hostileStoryRecords(): AnalysisRecord[] {
  const fr = STORY_DOCS.visitFr;
  const en = STORY_DOCS.visitEn;
  return [
    annotatedRecord({
      ...fr, id: 'hostile-fr', title: HOSTILE_TITLE, source: '<b onmouseover=alert(22)>Evil</b>',
      text: fr.text.replace('pour une visite', `pour une ${HOSTILE_SENTENCE_MARKUP} visite`),
    }),
    annotatedRecord({
      ...en, id: 'hostile-en', title: '<svg onload=alert(23)>', source: 'javascript:alert(24)',
      text: en.text.replace('for a two-day visit', 'for a two-day "><iframe src=javascript:alert(25)></iframe> visit'),
    }),
  ];
}
