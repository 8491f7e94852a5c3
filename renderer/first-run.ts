import { h } from './dom.ts';

/**
 * The screen of a window with no profile yet: what a profile is, and the three ways to one (add it, import a file, or
 * try the demo, which runs from a checkout because it needs the Cognito emulator of the test suite).
 */
export function firstRun(actions: { add: () => void; import: () => void }): HTMLElement {
  const demo = h(
    'div',
    { class: 'demo-help', id: 'demo-help', hidden: true },
    h(
      'p',
      {},
      'The demo starts a local Cognito emulator with a seeded user pool and opens this app on demo profiles in a temporary folder (your own profiles are not touched). From a checkout of the source, run:',
    ),
    h('p', {}, h('code', { 'data-testid': 'demo-command' }, 'npm run demo')),
  );
  const demoButton = h(
    'button',
    {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': 'demo-help',
      onclick: () => {
        demo.hidden = !demo.hidden;
        demoButton.setAttribute('aria-expanded', String(!demo.hidden));
      },
    },
    'Try the demo',
  );
  return h(
    'div',
    { class: 'first-run', 'data-testid': 'empty-state' },
    h('h2', {}, 'Add your first Cognito profile'),
    h(
      'p',
      {},
      'A profile is one app client of a user pool: its region, user pool id and app client id, and a client secret if it has one (kept in the OS keychain). Sign in once; the app keeps the tokens fresh and copies them in one click.',
    ),
    h(
      'div',
      { class: 'choices' },
      h('button', { type: 'button', class: 'primary', onclick: actions.add }, 'Add a profile'),
      h('button', { type: 'button', onclick: actions.import }, 'Import a file\u2026'),
      demoButton,
    ),
    h('p', { class: 'muted' }, 'Import reads amplify_outputs.json, aws-exports.js or a file exported from this app.'),
    demo,
  );
}
