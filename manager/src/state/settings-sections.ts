export const SETTINGS_SECTIONS = [
  'hall',
  'services',
  'counters',
  'users',
  'devices',
  'printers',
  'directorates',
  'audit',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
