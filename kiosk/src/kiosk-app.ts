import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import type { IssuedTicket } from '../../contract/api.js';
import { appointmentMark } from './kiosk-check-in-model.js';
import { takeDeviceKey } from './device-key.js';
import { t } from './i18n.js';
import { KioskLiveController } from './kiosk-live-controller.js';
import {
  audioOptions,
  moveIndex,
  optionSpeech,
  screenSpeech,
  ticketSpeech,
  type AudioChoice,
  type AudioZone,
} from './state/audio-guide.js';
import { confirmationModel } from './state/confirmation.js';
import { errorMessage } from './state/errors.js';
import {
  confirmationDeadline,
  confirmationMs,
  idleMs,
  kioskFlow,
  smsKeypadExpired,
  START,
  type KioskAction,
  type KioskFlow,
} from './state/kiosk-flow.js';
import { canIssue, kioskScreen } from './state/kiosk-screen.js';
import { serviceButtons } from './state/service-buttons.js';
import { kioskTheme } from './theme.js';
import { NoopTicketPrinter, type TicketPrinter } from './ticket-printer.js';
import { kioskAppStyles } from './kiosk-app.styles.js';
import { KioskSpeaker } from './speech.js';
import './kiosk-audio-guide.js';
import './kiosk-help-bar.js';
import './kiosk-banner.js';
import './kiosk-check-in.js';
import './kiosk-check-in-entry.js';
import './kiosk-confirmation.js';
import '../../ui/visitor-lang-switch.js';
import './kiosk-notice.js';
import './kiosk-priority-picker.js';
import './kiosk-service-grid.js';

/** The touch kiosk: pick a service (or the priority path first), get a numbered ticket. */
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [kioskTheme, kioskAppStyles];

  private readonly _live = new KioskLiveController(this, takeDeviceKey());

  @state() private _flow: KioskFlow = START;
  @state() private _now = Date.now();
  /** The choice the audio guide is on. */
  @state() private _audioIndex = 0;
  /** "Randevum var": the check-in keypad is on the start screen's place. */
  @state() private _checkIn = false;

  /** Puts issued tickets on paper. */
  @property({ attribute: false }) printer: TicketPrinter = new NoopTicketPrinter();

  private readonly _speaker = new KioskSpeaker();
  /** What the audio guide last read out for a screen, so a re-render does not repeat it. */
  private _spokenScreen = '';
  private _lastTouch = Date.now();
  /** Since when the SMS keypad is open over the confirmation (its countdown waits); or null. */
  private _smsHeldSince: number | null = null;
  private _tick: ReturnType<typeof setInterval> | undefined;
  private readonly _onTouch = () => {
    this._lastTouch = Date.now();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pointerdown', this._onTouch, { capture: true, passive: true });
    window.addEventListener('keydown', this._onTouch, { capture: true, passive: true });
    this._tick = setInterval(() => this._onTick(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this._onTouch, { capture: true });
    window.removeEventListener('keydown', this._onTouch, { capture: true });
    clearInterval(this._tick);
    this._speaker.stop();
  }

  override updated(): void {
    document.documentElement.lang = this._flow.lang;
    this.toggleAttribute('large', this._flow.largeText);
    this._speakScreen();
  }

  override render() {
    const screen = kioskScreen(this._live.connection, this._flow);
    if (screen === 'unpaired') return this._renderUnpaired();
    if (screen === 'connecting') {
      const text = t('tr');
      return html`<main class="notice connecting">
        <kiosk-notice
          mark="…"
          .heading=${text.connecting}
          .body=${t('en').connecting}
        ></kiosk-notice>
      </main>`;
    }
    const { lang } = this._flow;
    const text = t(lang);
    const offline = this._live.connection === 'offline';
    return html`
      <header>
        <span class="hall">${this._live.hall.hallName ?? text.appName}</span>
        <visitor-lang-switch
          .language=${lang}
          .label=${text.langSwitch}
          @lang-change=${this._onLang}
        ></visitor-lang-switch>
      </header>
      ${
        offline && screen !== 'confirmation'
          ? html`<kiosk-banner
              class="offline"
              .heading=${text.unreachableTitle}
              .message=${text.unreachableBody}
            ></kiosk-banner>`
          : null
      }
      ${
        this._flow.error && !offline
          ? html`<kiosk-banner
              .message=${errorMessage(this._flow.error, lang)}
              .dismissLabel=${text.dismiss}
              @dismiss=${() => this._dispatch({ type: 'dismiss-error' })}
            ></kiosk-banner>`
          : null
      }
      <main class="screen-${screen}">
        ${this._flow.audio ? this._renderAudioGuide() : this._renderScreen(screen)}
      </main>
      ${
        // On the ticket the choosing is over: the bar stays only to turn the audio guide off.
        screen !== 'confirmation' || this._flow.audio
          ? html`<kiosk-help-bar
              .language=${lang}
              ?audio=${this._flow.audio}
              ?large=${this._flow.largeText}
              ?canSpeak=${this._speaker.available}
              @audio-toggle=${() => this._dispatch({ type: 'audio', on: !this._flow.audio })}
              @large-toggle=${() =>
                this._dispatch({ type: 'large-text', on: !this._flow.largeText })}
            ></kiosk-help-bar>`
          : null
      }
      ${this._flow.issuing ? html`<div class="issuing" role="status">${text.issuing}</div>` : null}
    `;
  }

  private _renderAudioGuide() {
    const { lang } = this._flow;
    const options = this._audioOptions();
    const index = Math.min(this._audioIndex, options.length - 1);
    const current =
      this._flow.view === 'confirmation' && this._flow.ticket
        ? this._flow.ticket.number
        : (options[index]?.label ?? '');
    return html`<kiosk-audio-guide
      .language=${lang}
      .current=${current}
      .position=${this._flow.view === 'confirmation' ? '' : `${index + 1} / ${options.length}`}
      @zone=${(e: CustomEvent<AudioZone>) => this._onZone(e.detail)}
    ></kiosk-audio-guide>`;
  }

  private _renderScreen(screen: 'start' | 'priority' | 'services' | 'confirmation') {
    const { lang, priority } = this._flow;
    const text = t(lang);
    const buttons = serviceButtons(
      this._live.hall,
      lang,
      canIssue(this._live.connection, this._flow),
    );
    switch (screen) {
      case 'start':
        if (this._checkIn) return this._renderCheckIn();
        return html`
          <h1>${text.chooseService}</h1>
          <p class="hint">${text.chooseServiceHint}</p>
          <div class="start-grid">
            <kiosk-service-grid
              .buttons=${buttons}
              .label=${text.servicesLabel}
              .language=${lang}
              @service-select=${this._onService}
            ></kiosk-service-grid>
            <button
              type="button"
              class="priority-entry"
              ?disabled=${this._live.connection !== 'online' || this._flow.issuing}
              @click=${() => this._dispatch({ type: 'priority-path' })}
            >
              <span class="priority-title">${text.priorityPath}</span>
              <span class="priority-hint">${text.priorityPathHint}</span>
            </button>
            <kiosk-check-in-entry
              .language=${lang}
              ?disabled=${this._live.connection !== 'online' || this._flow.issuing}
              @check-in=${() => (this._checkIn = true)}
            ></kiosk-check-in-entry>
          </div>
        `;
      case 'priority':
        return html`<kiosk-priority-picker
          .language=${lang}
          @priority-select=${(e: CustomEvent<PriorityGroup>) =>
            this._dispatch({ type: 'priority-group', group: e.detail })}
          @back=${() => this._dispatch({ type: 'back' })}
        ></kiosk-priority-picker>`;
      case 'services':
        return html`
          <div class="chosen">
            <button type="button" class="back" @click=${() => this._dispatch({ type: 'back' })}>
              ← ${text.back}
            </button>
            <span class="priority-badge"
              >${priority ? text.priorityChosen(text.priorityGroups[priority]) : ''}</span
            >
          </div>
          <h1>${text.chooseService}</h1>
          <kiosk-service-grid
            class="fill"
            .buttons=${buttons}
            .label=${text.servicesLabel}
            .language=${lang}
            @service-select=${this._onService}
          ></kiosk-service-grid>
        `;
      case 'confirmation': {
        const { ticket, print } = this._flow;
        if (!ticket) return null;
        const model = confirmationModel(
          ticket,
          lang,
          print,
          confirmationDeadline(this._flow),
          this._now,
          confirmationMs(this._flow),
        );
        const mark = appointmentMark(ticket, lang);
        return html`<kiosk-confirmation
          .model=${mark ? { ...model, priority: mark } : model}
          .language=${lang}
          .smsCode=${ticket.smsOffered && !this._flow.audio ? ticket.code : null}
          @ok=${() => this._dispatch({ type: 'ok-tap', at: Date.now() })}
          @sms-keypad=${this._onSmsKeypad}
          @sms-timeout=${this._startOver}
        ></kiosk-confirmation>`;
      }
    }
  }

  private _renderCheckIn() {
    return html`<kiosk-check-in
      class="fill"
      .language=${this._flow.lang}
      @checked-in=${(e: CustomEvent<IssuedTicket>) => void this._onCheckedIn(e.detail)}
      @walk-in=${(e: CustomEvent<string | null>) => this._onWalkIn(e.detail)}
      @back=${() => (this._checkIn = false)}
    ></kiosk-check-in>`;
  }

  /** A checked-in appointment: its ticket is shown as any other (the server printed it). */
  private async _onCheckedIn(ticket: IssuedTicket): Promise<void> {
    this._checkIn = false;
    this._dispatch({ type: 'issue-start' });
    await this._issued(ticket);
  }

  /** Too late for the appointment: a normal ticket of its service, or the services to choose. */
  private _onWalkIn(serviceId: string | null): void {
    this._checkIn = false;
    if (serviceId) void this._issue(serviceId);
  }

  private _renderUnpaired() {
    const tr = t('tr');
    const en = t('en');
    return html`<main class="notice" lang="tr">
      <kiosk-notice
        .heading=${tr.unpairedTitle}
        .body=${tr.unpairedBody}
        .secondHeading=${en.unpairedTitle}
        .secondBody=${en.unpairedBody}
        secondLang="en"
      ></kiosk-notice>
    </main>`;
  }

  private _dispatch(action: KioskAction): void {
    this._flow = kioskFlow(this._flow, action);
  }

  private _onLang(e: CustomEvent<Lang>): void {
    this._dispatch({ type: 'lang', lang: e.detail });
  }

  private _onService(e: CustomEvent<string>): Promise<void> {
    return this._issue(e.detail);
  }

  private async _issue(serviceId: string): Promise<void> {
    // Checked and set synchronously: the second tap of a double tap finds `issuing` already set.
    if (!canIssue(this._live.connection, this._flow)) return;
    this._dispatch({ type: 'issue-start' });
    const { priority, lang } = this._flow;
    const result = await this._live.issue(serviceId, priority, lang);
    if (!result.ok) return this._dispatch({ type: 'issue-failed', error: result.code });
    await this._issued(result.ticket);
  }

  private async _issued(ticket: IssuedTicket): Promise<void> {
    this._now = Date.now();
    this._lastTouch = this._now;
    this._dispatch({ type: 'issue-ok', ticket, at: this._now });
    const outcome = await this.printer.print(ticket).catch(() => 'failed' as const);
    this._dispatch({ type: 'print-done', ticketId: ticket.id, outcome });
    if (this._flow.audio && this._flow.ticket?.id === ticket.id) {
      const model = confirmationModel(ticket, this._flow.lang, outcome, 0, 0);
      this._speaker.say(model.printLine, this._flow.lang, true);
    }
  }

  private _audioOptions() {
    const buttons = serviceButtons(
      this._live.hall,
      this._flow.lang,
      canIssue(this._live.connection, this._flow),
    );
    return audioOptions(this._flow, buttons);
  }

  /** Reads a screen out once when it appears (and the guide's rules when it is turned on). */
  private _speakScreen(): void {
    const { audio, view, lang, priority, ticket, issuing } = this._flow;
    if (!audio) {
      if (this._spokenScreen) this._speaker.stop();
      this._spokenScreen = '';
      return;
    }
    const { connection } = this._live;
    const { error } = this._flow;
    // The choices themselves are part of the screen: when a service closes or opens while the
    // visitor listens, the list is read again from the start, so "choose" never takes an option
    // other than the one just heard (counts and estimates changing do not restart it).
    const choices = this._audioOptions()
      .map((o) => JSON.stringify(o.choice))
      .join(',');
    const key = `${view}|${lang}|${priority}|${ticket?.id ?? ''}|${issuing}|${error}|${connection}|${choices}`;
    if (key === this._spokenScreen) return;
    const first = this._spokenScreen === '';
    this._spokenScreen = key;
    this._audioIndex = 0;
    const text = t(lang);
    if (issuing) return this._speaker.say(text.audioIssuing, lang);
    const screen =
      view === 'confirmation' && ticket
        ? ticketSpeech(ticket, lang)
        : screenSpeech(this._flow, this._audioOptions());
    // What went wrong is said first: a refused ticket, or a kiosk that cannot reach the server.
    const problem =
      connection === 'offline' && view !== 'confirmation'
        ? `${text.unreachableTitle}. ${text.unreachableBody}`
        : error
          ? errorMessage(error, lang)
          : '';
    const speech = [first ? text.audioIntro : '', problem, screen].filter(Boolean).join(' ');
    this._speaker.say(speech, lang);
  }

  private _onZone(zone: AudioZone): void {
    const { lang, view, ticket } = this._flow;
    const options = this._audioOptions();
    if (zone === 'choose') return this._choose(options[this._audioIndex]?.choice);
    this._audioIndex = moveIndex(this._audioIndex, options.length, zone);
    if (zone === 'repeat' && view === 'confirmation' && ticket)
      return this._speaker.say(ticketSpeech(ticket, lang), lang);
    this._speaker.say(optionSpeech(options, this._audioIndex, lang), lang);
  }

  private _choose(choice: AudioChoice | undefined): void {
    if (!choice) return;
    switch (choice.kind) {
      case 'service':
        void this._issue(choice.serviceId);
        return;
      case 'priority-path':
        return this._dispatch({ type: 'priority-path' });
      case 'group':
        return this._dispatch({ type: 'priority-group', group: choice.group });
      case 'back':
        return this._dispatch({ type: 'back' });
      case 'lang':
        return this._dispatch({ type: 'lang', lang: choice.lang });
      case 'exit':
        return this._dispatch({ type: 'audio', on: false });
      case 'finish':
        return this._dispatch({ type: 'ok-tap', at: Date.now() });
    }
  }

  /** The SMS keypad opens or closes: the confirmation's countdown waits while it is open. */
  private _onSmsKeypad(e: CustomEvent<boolean>): void {
    const now = Date.now();
    if (e.detail) this._smsHeldSince ??= now;
    else if (this._smsHeldSince !== null) {
      this._dispatch({ type: 'confirmation-held', ms: now - this._smsHeldSince });
      this._smsHeldSince = null;
    }
  }

  private _onTick(): void {
    const now = Date.now();
    if (this._smsHeldSince !== null && this._flow.view === 'confirmation') {
      // Typing a number: neither the countdown nor the idle start-over runs meanwhile, but a
      // keypad left alone closes (it fires `sms-timeout`); this is the same bound, on any touch,
      // in case the keypad is gone without saying so.
      if (smsKeypadExpired(this._lastTouch, now)) this._startOver();
      return;
    }
    this._smsHeldSince = null;
    if (this._flow.view === 'confirmation') {
      this._now = now;
      this._dispatch({ type: 'confirmation-timeout', at: now });
    }
    if (now - this._lastTouch >= idleMs(this._flow)) this._startOver();
  }

  /** Nobody is at the kiosk: the start screen for the next visitor (the SMS keypad with it). */
  private readonly _startOver = (): void => {
    this._smsHeldSince = null;
    this._checkIn = false;
    this._dispatch({ type: 'idle' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
