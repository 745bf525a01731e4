import { html, nothing, type TemplateResult } from 'lit';
import type { WebhookEventType } from '../../contract/webhooks.js';
import { checkField } from '../../ui/settings-fields.js';
import type { WebhookMessages } from './i18n-webhooks.js';
import { EVENT_GROUPS, eventsOf, groupState, withEvent, withGroup } from './state/webhooks.js';

const checked = (ev: Event) => (ev.target as HTMLInputElement).checked;

/**
 * The events of the integrations form, grouped as the hall's work falls apart (Sıra, Gişe,
 * Randevu), each group with a "hepsi" box that shows "some" as indeterminate.
 */
export function eventChoice(o: {
  w: WebhookMessages;
  events: readonly WebhookEventType[];
  problem: string | undefined;
  onChange: (events: WebhookEventType[]) => void;
}): TemplateResult {
  const { w, events } = o;
  return html`<fieldset class="events" aria-describedby=${o.problem ? 'events-problem' : nothing}>
    <legend>${w.events}</legend>
    ${EVENT_GROUPS.map((g) => {
      const all = groupState(g, events);
      return html`<fieldset class="group" data-group=${g}>
        <legend>${w.groups[g]}</legend>
        <span class="check">
          <input
            id=${`all-${g}`}
            type="checkbox"
            .checked=${all === 'all'}
            .indeterminate=${all === 'some'}
            @change=${(ev: Event) => o.onChange(withGroup(events, g, checked(ev)))}
          />
          <label for=${`all-${g}`}>${w.allOf(w.groups[g])}</label>
        </span>
        ${eventsOf(g).map(
          (t) =>
            html`<span class="check sub">
              <input
                id=${`event-${t}`}
                type="checkbox"
                .checked=${events.includes(t)}
                @change=${(ev: Event) => o.onChange(withEvent(events, t, checked(ev)))}
              />
              <label for=${`event-${t}`}>${w.eventTypes[t]}</label>
            </span>`,
        )}
      </fieldset>`;
    })}
    ${o.problem ? html`<span class="problem" id="events-problem">${o.problem}</span>` : nothing}
  </fieldset>`;
}

/**
 * The personal-data tick with its KVKK warning; turning it on also asks for a confirmation that
 * names what is agreed to (a plain "are you sure" is clicked through).
 */
export function personalDataChoice(o: {
  w: WebhookMessages;
  on: boolean;
  /** Off before this change (new endpoint, or one that did not send personal data). */
  turningOn: boolean;
  confirmed: boolean;
  problem: string | undefined;
  onChange: (on: boolean) => void;
  onConfirm: (confirmed: boolean) => void;
}): TemplateResult {
  const { w } = o;
  return html`<div class="privacy">
    ${checkField({ id: 'personalData', label: w.personalDataLabel, checked: o.on, onChange: o.onChange })}
    ${o.on ? html`<p class="warning" id="personal-warning">${w.personalDataWarning}</p>` : nothing}
    ${
      o.turningOn
        ? checkField({
            id: 'personalConfirm',
            label: w.personalDataConfirm,
            checked: o.confirmed,
            onChange: o.onConfirm,
          })
        : nothing
    }
    ${o.problem ? html`<span class="problem" role="alert">${o.problem}</span>` : nothing}
  </div>`;
}
