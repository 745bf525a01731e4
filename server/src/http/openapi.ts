import { globalRegistry, toJSONSchema, type $ZodType } from 'zod/v4/core';
import { isReplySchema, type RouteDef } from './route.js';

const SECURITY: Record<RouteDef['access'], Array<Record<string, string[]>>> = {
  public: [],
  kiosk: [{ deviceKey: [] }, { session: [] }],
  device: [{ deviceKey: [] }],
  staff: [{ session: [] }],
  manager: [{ session: [] }],
  admin: [{ session: [] }],
};

const HALL_SCOPE: Record<RouteDef['hall'], string> = {
  path: 'Hall scope: the hall in the path; a user or device of another hall gets 403, an unknown hall 404.',
  counter:
    "Hall scope: the counter's hall; a user of another hall gets 403, an unknown counter 404.",
  own: "Hall scope: the caller's own hall (records of another hall are not found).",
  none: 'Hall scope: none (not about one hall).',
};

/** The JSON Schema of a request or reply schema (classic or mini zod: both are zod core). */
function schemaOf(s: $ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = toJSONSchema(s, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** The successful response: a JSON document of the route's reply schema, a file, or nothing. */
function success(reply: RouteDef['reply']): Record<string, unknown> {
  if (isReplySchema(reply))
    return {
      description: globalRegistry.get(reply)?.description ?? 'Success',
      content: { 'application/json': { schema: schemaOf(reply) } },
    };
  if (reply.mediaType === null) return { description: reply.description };
  const schema = reply.mediaType.startsWith('application/json')
    ? { type: 'array', items: { type: 'object' } }
    : { type: 'string', format: 'binary' };
  return { description: reply.description, content: { [reply.mediaType]: { schema } } };
}

/** The OpenAPI 3.1 document, generated from the same route table the server mounts. */
export function openApiDocument(routes: RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const parameters: unknown[] = [];
    for (const [loc, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = schemaOf(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: loc,
          required: loc === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: SECURITY[r.access],
      'x-access': r.access,
      'x-hall-scope': r.hall,
      description: HALL_SCOPE[r.hall],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(r.body) } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: success(r.reply),
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sıramatik API', version },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        deviceKey: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
                details: {
                  type: 'object',
                  description:
                    "Typed facts of some refusals. check-in-too-early: serviceId, slotTime, opensAt; check-in-too-late: serviceId, slotTime (HH:MM in the hall's time zone, the caller's own booking only).",
                  additionalProperties: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  };
}
