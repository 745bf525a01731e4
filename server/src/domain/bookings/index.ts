export * from './availability.js';
export * from './booking-config.js';
export * from './booking-state.js';
export * from './check-in.js';
export * from './decide-booking.js';
export * from './local-time.js';
export * from './phone.js';
