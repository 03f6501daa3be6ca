import type { RouteDeps } from '../api/deps.js';

/** What the web routes get: the API's dependencies, and the token when the UI asks for it. */
export interface WebDeps extends RouteDeps {
  /** The token, when the UI asks for it (non-loopback host). */
  loginToken: string | null;
}
