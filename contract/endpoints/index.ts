/**
 * The REST API as endpoints (method, path, request and reply schemas), one file per area. The
 * server mounts each exactly once (`server/src/http/*-routes.ts`, checked by
 * `tests/integration/endpoint-table.test.ts`); pages call them with `contract/client.ts`. A page
 * should import the area file it needs, not this index, to keep its bundle small.
 */
export * from './auth.js';
export * from './counters.js';
export * from './devices.js';
export * from './halls.js';
export * from './health.js';
export * from './printers.js';
export * from './settings-devices.js';
export * from './settings-directorates.js';
export * from './settings-hall.js';
export * from './settings-printers.js';
export * from './settings-services.js';
export * from './settings-users.js';
export * from './staffing.js';
export * from './stats.js';
export * from './tickets.js';
// Appointments: their endpoints (and schemas) live with the rest of the booking contract.
export * from '../bookings.js';
// Integrations: webhook endpoints and their delivery log.
export * from '../webhooks.js';
