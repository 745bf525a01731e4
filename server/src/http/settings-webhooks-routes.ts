import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  resendWebhookEvent,
  retryWebhookNow,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
  webhookDeliveries,
  WEBHOOK_LIMITS,
  type WebhookStatus,
  type WebhookView,
} from '../../../contract/webhooks.js';
import { randomUUID } from 'node:crypto';
import { allows, type Actor } from '../auth/actor.js';
import { newSecret } from '../auth/secrets.js';
import type { ConfigData, WebhookRecord } from '../config/config-data.js';
import { fail, ok, type Result } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { AUDIT_LIMIT, changeSettings, findInHall, refuse } from './settings-support.js';

/** The signing secret: 32 random bytes, base64url (the record's documented form). */
const SECRET_BYTES = 32;

export function webhookView(w: WebhookRecord, status: WebhookStatus): WebhookView {
  const { id, hallId, name, url, events, personalData, active, createdAt } = w;
  return { id, hallId, name, url, events: [...events], personalData, active, createdAt, status };
}

/** A URL as the audit log and managers see it: without its query string (it may carry a key). */
export function auditedUrl(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : `${url.slice(0, q)}?…`;
}

const onOff = (active: boolean) => (active ? 'açık' : 'kapalı');
const PERSONAL_ON = (name: string) => `Kişisel veri gönderimi açıldı: ${name}`;

/** The audit sentence of a change, in Turkish as the manager reads the log; never the secret. */
function describe(before: WebhookRecord, after: WebhookRecord): string | null {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`adı '${before.name}' → '${after.name}'`);
  if (before.url !== after.url)
    parts.push(`adresi ${auditedUrl(before.url)} → ${auditedUrl(after.url)}`);
  if (before.events.join() !== after.events.join())
    parts.push(`olaylar ${before.events.join(', ')} → ${after.events.join(', ')}`);
  if (before.active !== after.active) parts.push(after.active ? 'açıldı' : 'kapatıldı');
  if (before.personalData && !after.personalData) parts.push('kişisel veri gönderimi kapatıldı');
  const sentences = parts.length ? [`Webhook '${before.name}': ${parts.join(', ')}`] : [];
  // Turning personal data on is said in its own words: it is what an auditor looks for.
  if (!before.personalData && after.personalData) sentences.push(PERSONAL_ON(after.name));
  return sentences.length ? sentences.join('. ') : null;
}

/** Why an address may not be saved (policy and DNS, the rule every delivery applies), or null. */
async function urlRefusal(deps: RouteDeps, url: string | undefined): Promise<Result<never> | null> {
  if (url === undefined) return null;
  const problem = await deps.webhooks.urlProblem(url);
  return problem ? fail('validation', `url: ${problem}.`, 'url') : null;
}

/** This hall's endpoint `webhookId`, or a 404 (another hall's id answers as unknown). */
function ownWebhook(deps: RouteDeps, hallId: string, webhookId: string): Result<WebhookRecord> {
  const w = (deps.config.read().webhooks ?? []).find(
    (x) => x.id === webhookId && x.hallId === hallId,
  );
  return w ? ok(w) : fail('not-found', `No webhook ${webhookId} in this hall.`, 'webhookId');
}

/** Writes one audit line that goes with no configuration change (a resend). */
async function auditOnly(
  deps: RouteDeps,
  actor: Actor,
  action: string,
  detail: string,
  targetId: string,
) {
  if (actor.kind !== 'user') return;
  const userId = actor.user.id;
  await deps.config.update((draft) => {
    draft.audit.push({ at: deps.now(), userId, action, detail, targetId });
    if (draft.audit.length > AUDIT_LIMIT) draft.audit.splice(0, draft.audit.length - AUDIT_LIMIT);
  });
}

const webhooksOf = (draft: ConfigData) => (draft.webhooks ??= []);

/** Managers read the endpoints and their deliveries; admins add, change and send. */
export function settingsWebhooksRoutes(deps: RouteDeps): RouteDef[] {
  const viewOf = async (w: WebhookRecord) => webhookView(w, await deps.webhooks.status(w));
  return [
    route({
      endpoint: listWebhooks,
      access: 'manager',
      hall: 'own',
      handler: async ({ hall, actor }) => {
        const mine = (deps.config.read().webhooks ?? []).filter((w) => w.hallId === hall.hallId);
        const views = await Promise.all(mine.map(viewOf));
        // An SMS API's key often rides in the query: only admins (who set it, and edit it) see it.
        if (allows('admin', actor)) return ok(views);
        return ok(views.map((v) => ({ ...v, url: auditedUrl(v.url) })));
      },
    }),
    route({
      endpoint: createWebhook,
      access: 'admin',
      hall: 'own',
      handler: async ({ body, actor }) => {
        const refused = await urlRefusal(deps, body.url);
        if (refused) return refused;
        const secret = newSecret(SECRET_BYTES);
        const done = await changeSettings(deps, actor, 'webhook.create', (draft, hallId) => {
          const list = webhooksOf(draft);
          if (list.filter((w) => w.hallId === hallId).length >= WEBHOOK_LIMITS.endpointsPerHall)
            refuse(
              'conflict',
              `A hall has at most ${WEBHOOK_LIMITS.endpointsPerHall} webhook endpoints: remove one first.`,
            );
          const w: WebhookRecord = {
            id: randomUUID(),
            hallId,
            ...body,
            secret,
            createdAt: deps.now(),
          };
          list.push(w);
          const added = `Webhook '${w.name}' eklendi: ${auditedUrl(w.url)}, olaylar ${w.events.join(', ')}, ${onOff(w.active)}`;
          return { value: w, detail: w.personalData ? `${added}. ${PERSONAL_ON(w.name)}` : added };
        });
        if (!done.ok) return done;
        return ok({ webhook: await viewOf(done.value), secret });
      },
    }),
    route({
      endpoint: updateWebhook,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, body, actor }) => {
        const refused = await urlRefusal(deps, body.url);
        if (refused) return refused;
        const done = await changeSettings(deps, actor, 'webhook.update', (draft, hallId) => {
          const w = findInHall(webhooksOf(draft), params.webhookId, hallId, 'webhook', 'webhookId');
          const before = structuredClone(w);
          Object.assign(w, body);
          return { value: w, detail: describe(before, w) };
        });
        return done.ok ? ok(await viewOf(done.value)) : done;
      },
    }),
    route({
      endpoint: deleteWebhook,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, actor }) => {
        const done = await changeSettings(deps, actor, 'webhook.delete', (draft, hallId) => {
          const list = webhooksOf(draft);
          const w = findInHall(list, params.webhookId, hallId, 'webhook', 'webhookId');
          list.splice(list.indexOf(w), 1);
          return { value: w, detail: `Webhook '${w.name}' silindi (${auditedUrl(w.url)})` };
        });
        if (!done.ok) return done;
        await deps.webhooks.forget(done.value.id);
        return ok(undefined);
      },
    }),
    route({
      endpoint: rotateWebhookSecret,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, actor }) => {
        const secret = newSecret(SECRET_BYTES);
        const done = await changeSettings(deps, actor, 'webhook.rotate-secret', (draft, hallId) => {
          const w = findInHall(webhooksOf(draft), params.webhookId, hallId, 'webhook', 'webhookId');
          w.secret = secret;
          return { value: w, detail: `Webhook '${w.name}': imza anahtarı yenilendi` };
        });
        if (!done.ok) return done;
        return ok({ webhook: await viewOf(done.value), secret });
      },
    }),
    route({
      endpoint: webhookDeliveries,
      access: 'manager',
      hall: 'own',
      handler: async ({ params, hall }) => {
        const w = ownWebhook(deps, hall.hallId, params.webhookId);
        return w.ok ? ok(await deps.webhooks.deliveries(w.value)) : w;
      },
    }),
    route({
      endpoint: testWebhook,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, hall }) => {
        const w = ownWebhook(deps, hall.hallId, params.webhookId);
        return w.ok ? ok(await deps.webhooks.sendTest(w.value)) : w;
      },
    }),
    route({
      endpoint: resendWebhookEvent,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, hall, actor }) => {
        const w = ownWebhook(deps, hall.hallId, params.webhookId);
        if (!w.ok) return w;
        const sent = await deps.webhooks.resend(w.value, params.eventId);
        // Said after the fact, and only for an event that exists: the log is not a probe.
        if (sent.ok)
          await auditOnly(
            deps,
            actor,
            'webhook.resend',
            `Webhook '${w.value.name}': olay ${params.eventId} yeniden gönderildi`,
            w.value.id,
          );
        return sent;
      },
    }),
    route({
      endpoint: retryWebhookNow,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, actor }) => {
        const done = await changeSettings(deps, actor, 'webhook.retry', (draft, hallId) => {
          const w = findInHall(webhooksOf(draft), params.webhookId, hallId, 'webhook', 'webhookId');
          w.retryRequestedAt = Math.max(deps.now(), (w.retryRequestedAt ?? 0) + 1);
          return { value: w, detail: `Webhook '${w.name}': hemen yeniden deneme istendi` };
        });
        return done.ok ? ok(undefined) : done;
      },
    }),
  ];
}
