import { describe, expectTypeOf, it } from 'vitest';
import type * as core from 'zod/v4/core';
import type {
  CounterCommandResult,
  DeviceMe,
  DeviceStatusView,
  DisplaySnapshot,
  IssuedTicket,
  Me,
  PrintOutcome,
  PrinterStatusView,
  ServiceView,
  StaffSnapshot,
  TicketStatusView,
} from '../../../contract/api.js';
import type { Counter, Directorate, Hall, Service, StaffTicket } from '../../../contract/domain.js';
import type { EstimateAccuracyReply } from '../../../contract/estimate-accuracy.js';
import type * as S from '../../../contract/reply-schemas.js';
import type {
  AuditEntryView,
  DeviceSetup,
  DeviceView,
  DirectorateChoice,
  DisplaySigns,
  PairedDevice,
  PrinterView,
  SettingsView,
  UserView,
  UserWithPassword,
} from '../../../contract/settings.js';
import type { StaffingPlan } from '../../../contract/staffing.js';
import type { StatsReport } from '../../../contract/stats.js';

type Out<K extends keyof typeof S> = (typeof S)[K] extends core.$ZodType
  ? core.output<(typeof S)[K]>
  : never;

/**
 * The reply schemas' types equal the wire interfaces exactly (checked by `tsc`): the `wire<T>()`
 * tie in contract/reply-schemas.ts lets an extra optional field through, this does not.
 */
describe('reply schemas: their types are the wire interfaces', () => {
  it('when each schema is compared with its interface, then they are the same type', () => {
    expectTypeOf<Out<'healthReply'>>().toEqualTypeOf<S.HealthReply>();
    expectTypeOf<Out<'hallListReply'>>().toEqualTypeOf<Pick<Hall, 'id' | 'name' | 'timeZone'>[]>();
    expectTypeOf<Out<'serviceViewsReply'>>().toEqualTypeOf<ServiceView[]>();
    expectTypeOf<Out<'issuedTicketReply'>>().toEqualTypeOf<
      IssuedTicket | Omit<IssuedTicket, 'code' | 'statusUrl'>
    >();
    expectTypeOf<Out<'ticketStatusReply'>>().toEqualTypeOf<TicketStatusView>();
    expectTypeOf<Out<'displaySnapshotReply'>>().toEqualTypeOf<DisplaySnapshot>();
    expectTypeOf<Out<'deviceSetupReply'>>().toEqualTypeOf<DeviceSetup>();
    expectTypeOf<Out<'meReply'>>().toEqualTypeOf<Me>();
    expectTypeOf<Out<'whoAmIReply'>>().toEqualTypeOf<Me | DeviceMe>();
    expectTypeOf<Out<'counterCommandReply'>>().toEqualTypeOf<CounterCommandResult>();
    expectTypeOf<Out<'staffSnapshotReply'>>().toEqualTypeOf<StaffSnapshot>();
    expectTypeOf<Out<'staffTicketReply'>>().toEqualTypeOf<StaffTicket>();
    expectTypeOf<Out<'directorateChoicesReply'>>().toEqualTypeOf<DirectorateChoice[]>();
    expectTypeOf<Out<'printerStatusesReply'>>().toEqualTypeOf<PrinterStatusView[]>();
    expectTypeOf<Out<'printTestReply'>>().toEqualTypeOf<{ outcome: PrintOutcome }>();
    expectTypeOf<Out<'deviceStatusesReply'>>().toEqualTypeOf<DeviceStatusView[]>();
    expectTypeOf<Out<'statsReportReply'>>().toEqualTypeOf<StatsReport>();
    expectTypeOf<Out<'estimateAccuracyReply'>>().toEqualTypeOf<EstimateAccuracyReply>();
    expectTypeOf<Out<'staffingPlanReply'>>().toEqualTypeOf<StaffingPlan>();
    expectTypeOf<Out<'auditReply'>>().toEqualTypeOf<AuditEntryView[]>();
    expectTypeOf<Out<'hallReply'>>().toEqualTypeOf<Hall>();
    expectTypeOf<Out<'serviceReply'>>().toEqualTypeOf<Service>();
    expectTypeOf<Out<'counterReply'>>().toEqualTypeOf<Counter>();
    expectTypeOf<Out<'directorateReply'>>().toEqualTypeOf<Directorate>();
    expectTypeOf<Out<'userViewReply'>>().toEqualTypeOf<UserView>();
    expectTypeOf<Out<'userWithPasswordReply'>>().toEqualTypeOf<UserWithPassword>();
    expectTypeOf<Out<'deviceViewReply'>>().toEqualTypeOf<DeviceView>();
    expectTypeOf<Out<'pairedDeviceReply'>>().toEqualTypeOf<PairedDevice>();
    expectTypeOf<Out<'displaySignsReply'>>().toEqualTypeOf<DisplaySigns>();
    expectTypeOf<Out<'printerViewReply'>>().toEqualTypeOf<PrinterView>();
    expectTypeOf<Out<'settingsReply'>>().toEqualTypeOf<SettingsView>();
  });
});
