export type * from './domain.js';
export type * from './events.js';
export type * from './errors.js';
export type * from './api.js';
export type * from './socket.js';
export type * from './stats.js';
export type * from './staffing.js';
export type * from './settings.js';
