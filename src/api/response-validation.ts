/**
 * Checks every 2xx JSON response against its route's response schema before it is
 * serialized, so the OpenAPI document never lies about what the server sends. A mismatch is
 * a server bug: it becomes a 500 (logged), not a silently different body.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance, RouteOptions } from 'fastify';

export function validateResponses(app: FastifyInstance): void {
  const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true });
  app.addHook('onRoute', (route: RouteOptions) => {
    const responses = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
    if (!responses) return;
    const checks = new Map<number, ValidateFunction>();
    for (const [status, schema] of Object.entries(responses)) {
      const code = Number(status);
      if (code >= 200 && code < 300 && schema && typeof schema === 'object') checks.set(code, ajv.compile(schema));
    }
    if (checks.size === 0) return;
    const hook = async (_request: unknown, reply: { statusCode: number }, payload: unknown): Promise<unknown> => {
      const validate = checks.get(reply.statusCode);
      if (validate && !validate(payload)) {
        throw new Error(`response of ${route.method} ${route.url} does not match its schema: ${ajv.errorsText(validate.errors)}`);
      }
      return payload;
    };
    const existing = route.preSerialization;
    route.preSerialization = existing ? [...(Array.isArray(existing) ? existing : [existing]), hook] : [hook];
  });
}
