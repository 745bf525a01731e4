import { settingsSectionStyles } from '../../ui/settings-section.styles.js';
import { sharedStyles } from './shared-styles.js';

/** A manager settings section's styles: the page's, then the shared section's. */
export const settingsStyles = [sharedStyles, settingsSectionStyles];
