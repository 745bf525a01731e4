export const SETTINGS_SECTIONS = [
  'hall',
  'services',
  'counters',
  'users',
  'devices',
  'printers',
  'directorates',
  'bookings',
  'audit',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
