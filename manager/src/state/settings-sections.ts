export const SETTINGS_SECTIONS = [
  'hall',
  'services',
  'counters',
  'users',
  'devices',
  'printers',
  'directorates',
  'bookings',
  'webhooks',
  'audit',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
