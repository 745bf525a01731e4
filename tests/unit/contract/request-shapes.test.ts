import { describe, expectTypeOf, it } from 'vitest';
import type { BodyOf, ParamsOf, QueryOf } from '../../../contract/endpoint.js';
import type {
  CounterStatus,
  Lang,
  Outcome,
  PauseReason,
  PriorityGroup,
  Role,
  TicketStatus,
} from '../../../contract/domain.js';
import type * as E from '../../../contract/endpoints/index.js';
import type { counterAction } from '../../../contract/endpoints/counters.js';
import type {
  COUNTER_STATUSES,
  LANGS,
  OUTCOMES,
  PAUSE_REASONS,
  PRIORITY_GROUPS,
  TICKET_STATUSES,
} from '../../../contract/request-schemas.js';
import type { CounterAction } from '../../../contract/counter-commands.js';
import type { GroupBy } from '../../../contract/stats.js';

type Action<A extends CounterAction> = BodyOf<(typeof counterAction)[A]>;

/**
 * What a caller sends, frozen as the wire shapes the server took before the requests moved
 * into the contract (checked by `tsc`): a schema change that changes a request fails here.
 */
describe('request schemas: their input types are the wire shapes', () => {
  it('when the kiosk, the visitor and sign-in send, then the shapes are as before', () => {
    expectTypeOf<ParamsOf<typeof E.issueTicket>>().toEqualTypeOf<{ hallId: string }>();
    expectTypeOf<BodyOf<typeof E.issueTicket>>().toEqualTypeOf<{
      serviceId: string;
      priority?: PriorityGroup | null | undefined;
      lang?: Lang | undefined;
    }>();
    expectTypeOf<ParamsOf<typeof E.ticketStatus>>().toEqualTypeOf<{ code: string }>();
    expectTypeOf<BodyOf<typeof E.rateVisit>>().toEqualTypeOf<{
      rating: number;
      comment?: string | undefined;
    }>();
    expectTypeOf<BodyOf<typeof E.signIn>>().toEqualTypeOf<{ username: string; password: string }>();
    expectTypeOf<BodyOf<typeof E.changePassword>>().toEqualTypeOf<{
      currentPassword: string;
      newPassword: string;
    }>();
  });

  it('when a clerk acts at a counter, then each action has its own body', () => {
    type Empty = Record<string, never>;
    expectTypeOf<ParamsOf<typeof counterAction.open>>().toEqualTypeOf<{ counterId: string }>();
    expectTypeOf<Action<'open'>>().toEqualTypeOf<Empty>();
    expectTypeOf<Action<'call-next'>>().toEqualTypeOf<Empty>();
    expectTypeOf<Action<'pause'>>().toEqualTypeOf<{ reason: PauseReason }>();
    expectTypeOf<Action<'call'>>().toEqualTypeOf<{ number: string }>();
    expectTypeOf<Action<'restore'>>().toEqualTypeOf<{ number: string }>();
    expectTypeOf<Action<'complete'>>().toEqualTypeOf<{
      outcome: Outcome;
      directorateId?: string | undefined;
      note?: string | undefined;
    }>();
    expectTypeOf<Action<'transfer'>>().toEqualTypeOf<{
      serviceId: string;
      position: 'front' | 'back';
    }>();
  });

  it('when a manager reads figures, then the queries are as before', () => {
    expectTypeOf<QueryOf<typeof E.statsReport>>().toEqualTypeOf<{
      from: string;
      to: string;
      groupBy?: GroupBy | undefined;
    }>();
    expectTypeOf<QueryOf<typeof E.exportTickets.csv>>().toEqualTypeOf<{
      from: string;
      to: string;
      names?: 'true' | 'false' | undefined;
      dialect?: 'rfc4180' | 'excel-tr' | undefined;
    }>();
    expectTypeOf<QueryOf<typeof E.exportTickets.xlsx>>().toEqualTypeOf<{
      from: string;
      to: string;
      names?: 'true' | 'false' | undefined;
    }>();
    expectTypeOf<QueryOf<typeof E.auditLog>>().toEqualTypeOf<{ limit?: unknown }>();
  });

  it('when an admin edits settings, then the bodies are as before', () => {
    expectTypeOf<BodyOf<typeof E.createUser>>().toEqualTypeOf<{
      username: string;
      displayName: string;
      role: Role;
    }>();
    expectTypeOf<BodyOf<typeof E.createService>>().toEqualTypeOf<{
      name: { tr: string; en: string };
      prefix: string;
      targetMinutes: number;
      active?: boolean | undefined;
    }>();
    expectTypeOf<BodyOf<typeof E.updateDevice>>().toEqualTypeOf<{
      name?: string | undefined;
      printerId?: string | null | undefined;
      signCounterId?: string | null | undefined;
    }>();
    expectTypeOf<BodyOf<typeof E.createPrinter>>().toEqualTypeOf<{
      name: string;
      transport: 'tcp' | 'device' | 'none';
      address: string;
      paperWidth: 58 | 80;
      codePage: number;
    }>();
  });

  it('when the value lists are compared with the domain types, then each names every value', () => {
    expectTypeOf<(typeof LANGS)[number]>().toEqualTypeOf<Lang>();
    expectTypeOf<(typeof PRIORITY_GROUPS)[number]>().toEqualTypeOf<PriorityGroup>();
    expectTypeOf<(typeof TICKET_STATUSES)[number]>().toEqualTypeOf<TicketStatus>();
    expectTypeOf<(typeof OUTCOMES)[number]>().toEqualTypeOf<Outcome>();
    expectTypeOf<(typeof COUNTER_STATUSES)[number]>().toEqualTypeOf<CounterStatus>();
    expectTypeOf<(typeof PAUSE_REASONS)[number]>().toEqualTypeOf<PauseReason>();
  });
});
