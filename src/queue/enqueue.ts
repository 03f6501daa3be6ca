import type PgBoss from 'pg-boss';
import type { Doc } from '../core/record.js';
import { analyzeJob } from './job.js';
import { ANALYZE_QUEUE, DEFAULT_JOB_SETTINGS, type JobSettings } from './settings.js';

/** 'queued': a new job; 'waiting': a job for the same document id was already waiting, nothing added. */
export type EnqueueOutcome = 'queued' | 'waiting';

/**
 * Adds a job to analyze and store one normalized document. Its singleton key is the document
 * id, and the queue's `short` policy keeps one waiting job per key.
 */
export async function enqueueDocument(boss: PgBoss, doc: Doc, settings: JobSettings = DEFAULT_JOB_SETTINGS): Promise<EnqueueOutcome> {
  const id = await boss.send(ANALYZE_QUEUE, analyzeJob(doc), {
    singletonKey: doc.id,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelay,
    retryBackoff: settings.retryBackoff,
    expireInSeconds: settings.expireInSeconds,
  });
  return id === null ? 'waiting' : 'queued';
}
