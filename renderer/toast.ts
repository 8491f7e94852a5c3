import { h } from './dom.ts';

/**
 * The one message line (a polite live region at the bottom of the window): what just happened, or went wrong and
 * for which profile. A copy adds its countdown to the clipboard's clearing and a Clear now button.
 */
export class Toast {
  private readonly element: HTMLElement;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(element: HTMLElement) {
    this.element = element;
  }

  /** Shows a message (an error in the error colour) until the next one. */
  say(message: string, isError = false): void {
    this.stop();
    this.element.classList.toggle('error', isError);
    this.element.replaceChildren(message);
  }

  /** "Copied the access token of dev-api · clears in 60 s · Clear now", counting down each second. */
  copied(what: string, clearSeconds: number, clearNow: () => Promise<void>): void {
    this.stop();
    this.element.classList.remove('error');
    const until = Date.now() + clearSeconds * 1000;
    const countdown = h('span', { 'data-testid': 'clear-countdown' });
    const tick = (): void => {
      const left = until - Date.now();
      if (left <= 0) return this.say('The clipboard was cleared.');
      // Seconds, the unit Settings uses; the ticking copy is hidden from screen readers, which hear the first figure once.
      countdown.textContent = `clears in ${Math.ceil(left / 1000)} s`;
    };
    const button = h(
      'button',
      {
        type: 'button',
        onclick: () =>
          void clearNow().then(
            () => this.say('The clipboard was cleared.'),
            () => this.say('The clipboard could not be cleared.', true),
          ),
      },
      'Clear now',
    );
    this.element.replaceChildren(
      h('span', {}, `Copied ${what}`),
      ' \u00B7 ',
      h('span', { class: 'visually-hidden' }, `clears in ${clearSeconds} s`),
      h('span', { 'aria-hidden': 'true' }, countdown),
      ' \u00B7 ',
      button,
    );
    tick();
    this.timer = setInterval(tick, 1000);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
