import { describe, expect, it } from 'vitest';
import { messages } from '../../../manager/src/i18n.js';

describe('directorates in the change log', () => {
  it('when a directorate is added or changed, then the log says so in words, naming it', () => {
    expect(messages('tr').auditSentence('directorate.create', 'Afet İşleri')).toBe(
      '“Afet İşleri” müdürlüğü eklendi',
    );
    expect(messages('tr').auditSentence('directorate.update', 'Zabıta')).toBe(
      '“Zabıta” müdürlüğü değiştirildi',
    );
    expect(messages('en').auditSentence('directorate.update', 'Zabıta')).toBe(
      'Directorate “Zabıta” changed',
    );
  });
});
