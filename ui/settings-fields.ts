import { html, nothing, type TemplateResult } from 'lit';

/** One labelled input of a settings form, with its help and its problem (linked for readers). */
export function inputField(o: {
  id: string;
  label: string;
  value: string | number;
  problem?: string | undefined;
  help?: string;
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  step?: number | 'any';
  wide?: boolean;
  autocomplete?: string;
  onInput: (value: string) => void;
}): TemplateResult {
  const described = [o.help ? `${o.id}-help` : '', o.problem ? `${o.id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  const value = typeof o.value === 'number' && !Number.isFinite(o.value) ? '' : String(o.value);
  return html`<div class=${o.wide ? 'field wide' : 'field'}>
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      .value=${value}
      min=${o.min ?? nothing}
      max=${o.max ?? nothing}
      step=${o.step ?? nothing}
      autocomplete=${o.autocomplete ?? 'off'}
      aria-invalid=${o.problem ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.help ? html`<span class="help" id=${`${o.id}-help`}>${o.help}</span>` : nothing}
    ${o.problem ? html`<span class="problem" id=${`${o.id}-problem`}>${o.problem}</span>` : nothing}
  </div>`;
}

/** A labelled select of a settings form. */
export function selectField<T extends string | number>(o: {
  id: string;
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  help?: string;
  problem?: string | undefined;
  onChange: (value: string) => void;
}): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      name=${o.id}
      aria-invalid=${o.problem ? 'true' : 'false'}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map(
        (opt) =>
          html`<option value=${String(opt.value)} ?selected=${opt.value === o.value}>
            ${opt.label}
          </option>`,
      )}
    </select>
    ${o.help ? html`<span class="help">${o.help}</span>` : nothing}
    ${o.problem ? html`<span class="problem">${o.problem}</span>` : nothing}
  </div>`;
}

/** A labelled checkbox of a settings form. */
export function checkField(o: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): TemplateResult {
  return html`<div class="field">
    <span class="check">
      <input
        id=${o.id}
        type="checkbox"
        .checked=${o.checked}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for=${o.id}>${o.label}</label>
    </span>
  </div>`;
}

/** A number typed into a field: NaN when empty, so "required" shows rather than 0. */
export function numberOf(value: string): number {
  return value.trim() === '' ? NaN : Number(value.replace(',', '.'));
}
