import type { Outcome } from '../../../contract/domain.js';
import type { CounterAction } from './actions.js';

/** What a shortcut asks for: an action, or opening one of its forms with a preset. */
export type Shortcut =
  | 'call-next'
  | 'call'
  | 'recall'
  | 'start'
  | 'complete-resolved'
  | 'complete-forwarded'
  | 'no-show'
  | 'requeue'
  | 'transfer'
  | 'pause-or-resume'
  | 'dismiss';

/** Where the keyboard focus is when the key goes down. */
export type FocusKind = 'text' | 'control' | 'other';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const LETTERS: Record<string, Shortcut> = {
  n: 'call-next',
  c: 'call',
  r: 'recall',
  s: 'start',
  d: 'complete-resolved',
  f: 'complete-forwarded',
  x: 'no-show',
  q: 'requeue',
  t: 'transfer',
  p: 'pause-or-resume',
};

/** The key shown in the `<kbd>` hint of each action (close has none on purpose). */
export const ACTION_KEYS: Partial<Record<CounterAction, string>> = {
  'call-next': 'N',
  call: 'C',
  recall: 'R',
  start: 'S',
  complete: 'D / F',
  'no-show': 'X',
  requeue: 'Q',
  transfer: 'T',
  pause: 'P',
  resume: 'P',
};

/**
 * The shortcut a key press means, or `null`. Nothing fires while the clerk types in a field
 * (except Escape, which closes the open form), nor with Ctrl/Alt/Meta (browser shortcuts such
 * as Ctrl+R stay the browser's). Space calls the next visitor only when no button or field has
 * the focus, because Space activates a focused button.
 */
export function shortcutFor(press: KeyPress, focus: FocusKind): Shortcut | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Escape') return 'dismiss';
  if (focus === 'text') return null;
  if (press.key === ' ') return focus === 'other' ? 'call-next' : null;
  if (press.key.length !== 1) return null;
  return LETTERS[press.key.toLocaleLowerCase('en-US')] ?? null;
}

/** Classifies the element that has the focus (the innermost one, inside shadow roots). */
export function focusKindOf(
  el: { tagName?: string; isContentEditable?: boolean; type?: string } | null,
): FocusKind {
  if (!el || !el.tagName) return 'other';
  const tag = el.tagName.toLowerCase();
  if (el.isContentEditable) return 'text';
  if (tag === 'textarea' || tag === 'select') return 'text';
  if (tag === 'input') {
    const type = (el.type ?? 'text').toLowerCase();
    return ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(type) ? 'control' : 'text';
  }
  if (tag === 'button' || tag === 'a' || tag === 'summary') return 'control';
  return 'other';
}

/** What the screen does for a shortcut: send a command, open a form, or go to the number field. */
export type Intent =
  | { kind: 'run'; action: CounterAction }
  | { kind: 'open'; form: 'complete'; outcome: Outcome }
  | { kind: 'open'; form: 'transfer' | 'pause' }
  | { kind: 'focus-number' };

const DIRECT: Partial<Record<Shortcut, CounterAction>> = {
  'call-next': 'call-next',
  recall: 'recall',
  start: 'start',
  'no-show': 'no-show',
  requeue: 'requeue',
};

/**
 * What a shortcut does given the legal actions; `null` when its action is not possible now
 * (the key is then left alone). P resumes a paused counter and opens the pause form otherwise.
 */
export function intentOf(shortcut: Shortcut, legal: ReadonlySet<CounterAction>): Intent | null {
  const direct = DIRECT[shortcut];
  if (direct) return legal.has(direct) ? { kind: 'run', action: direct } : null;
  switch (shortcut) {
    case 'call':
      return legal.has('call') ? { kind: 'focus-number' } : null;
    case 'complete-resolved':
    case 'complete-forwarded':
      if (!legal.has('complete')) return null;
      return {
        kind: 'open',
        form: 'complete',
        outcome: shortcut === 'complete-resolved' ? 'resolved' : 'forwarded',
      };
    case 'transfer':
      return legal.has('transfer') ? { kind: 'open', form: 'transfer' } : null;
    case 'pause-or-resume':
      if (legal.has('resume')) return { kind: 'run', action: 'resume' };
      return legal.has('pause') ? { kind: 'open', form: 'pause' } : null;
    default:
      return null;
  }
}
