import type { Store } from '../store/store.js';
import type { AnalyzeDocuments } from './ingest-body.js';

/** Limits of one server; defaults in server.ts, tests lower them. */
export interface ServerLimits {
  /** Largest request body accepted (413 above). */
  bodyBytes: number;
  /** Writes (POST /api/ingest) per client address and minute (429 above). */
  writesPerMinute: number;
  /** Login attempts per client address and minute: slows guessing the token. */
  loginsPerMinute: number;
}

/** What the routes need: the store, the analysis, and the limits. */
export interface RouteDeps {
  store: Store;
  analyze: AnalyzeDocuments;
  limits: ServerLimits;
}
