import { describe, expect, it } from 'vitest';
import { legalActions, type CounterAction } from '../../../counter/src/state/actions.js';
import {
  focusKindOf,
  intentOf,
  shortcutFor,
  type FocusKind,
  type Intent,
  type Shortcut,
} from '../../../counter/src/state/shortcuts.js';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it.each<[string, Shortcut]>([
    ['n', 'call-next'],
    ['N', 'call-next'],
    ['c', 'call'],
    ['r', 'recall'],
    ['s', 'start'],
    ['d', 'complete-resolved'],
    ['f', 'complete-forwarded'],
    ['x', 'no-show'],
    ['q', 'requeue'],
    ['t', 'transfer'],
    ['p', 'pause-or-resume'],
    [' ', 'call-next'],
    ['Escape', 'dismiss'],
  ])('when %j is pressed with nothing focused, then it means %s', (key, shortcut) => {
    expect(shortcutFor(press(key), 'other')).toBe(shortcut);
  });

  it.each(['n', 'c', 'd', ' ', 'x'])(
    'when %j is typed into a text field, then no shortcut fires',
    (key) => {
      expect(shortcutFor(press(key), 'text')).toBeNull();
    },
  );

  it('when Escape is pressed in a text field, then it dismisses the open form', () => {
    expect(shortcutFor(press('Escape'), 'text')).toBe('dismiss');
  });

  it('when Space is pressed on a focused button, then it is left to the button', () => {
    expect(shortcutFor(press(' '), 'control')).toBeNull();
  });

  it('when a letter is pressed on a focused button, then the shortcut still fires', () => {
    expect(shortcutFor(press('s'), 'control')).toBe('start');
  });

  it.each([{ ctrlKey: true }, { altKey: true }, { metaKey: true }])(
    'when a modifier (%o) is held, then the browser keeps the key',
    (mods) => {
      expect(shortcutFor(press('r', mods), 'other')).toBeNull();
    },
  );

  it.each(['a', 'Enter', 'Tab', 'F5', '1'])('when %j is pressed, then nothing fires', (key) => {
    expect(shortcutFor(press(key), 'other')).toBeNull();
  });
});

describe('focusKindOf', () => {
  it.each<
    [string, { tagName?: string; type?: string; isContentEditable?: boolean } | null, FocusKind]
  >([
    ['nothing', null, 'other'],
    ['the body', { tagName: 'BODY' }, 'other'],
    ['a text input', { tagName: 'INPUT', type: 'text' }, 'text'],
    ['a password input', { tagName: 'INPUT', type: 'password' }, 'text'],
    ['a radio button', { tagName: 'INPUT', type: 'radio' }, 'control'],
    ['a textarea', { tagName: 'TEXTAREA' }, 'text'],
    ['a select', { tagName: 'SELECT' }, 'text'],
    ['a button', { tagName: 'BUTTON' }, 'control'],
    ['an editable div', { tagName: 'DIV', isContentEditable: true }, 'text'],
  ])('when the focus is on %s, then it is %s', (_what, el, kind) => {
    expect(focusKindOf(el)).toBe(kind);
  });
});

describe('intentOf', () => {
  const FREE = legalActions('open', null);
  const CALLED = legalActions('open', 'called');
  const SERVING = legalActions('open', 'serving');
  const PAUSED = legalActions('paused', null);

  it.each<[string, Shortcut, ReadonlySet<CounterAction>, Intent | null]>([
    ['N at a free counter', 'call-next', FREE, { kind: 'run', action: 'call-next' }],
    ['N during a visit', 'call-next', SERVING, null],
    ['C at a free counter', 'call', FREE, { kind: 'focus-number' }],
    ['C while a visitor is called', 'call', CALLED, null],
    ['R while called', 'recall', CALLED, { kind: 'run', action: 'recall' }],
    ['S while called', 'start', CALLED, { kind: 'run', action: 'start' }],
    ['S at a free counter', 'start', FREE, null],
    ['X while called', 'no-show', CALLED, { kind: 'run', action: 'no-show' }],
    ['Q while called', 'requeue', CALLED, { kind: 'run', action: 'requeue' }],
    [
      'D while serving',
      'complete-resolved',
      SERVING,
      { kind: 'open', form: 'complete', outcome: 'resolved' },
    ],
    [
      'F while serving',
      'complete-forwarded',
      SERVING,
      { kind: 'open', form: 'complete', outcome: 'forwarded' },
    ],
    ['D while only called', 'complete-resolved', CALLED, null],
    ['T while serving', 'transfer', SERVING, { kind: 'open', form: 'transfer' }],
    ['T while called', 'transfer', CALLED, null],
    ['P at a free counter', 'pause-or-resume', FREE, { kind: 'open', form: 'pause' }],
    ['P at a paused counter', 'pause-or-resume', PAUSED, { kind: 'run', action: 'resume' }],
    ['P during a visit', 'pause-or-resume', SERVING, null],
    ['Escape', 'dismiss', FREE, null],
  ])('when %s is pressed, then the intent is as listed', (_what, shortcut, legal, intent) => {
    expect(intentOf(shortcut, legal)).toEqual(intent);
  });
});
