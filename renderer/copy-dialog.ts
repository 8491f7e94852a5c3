import type { CopyFormat, ProfileView, TokenKind } from '../main/ipc/contract.ts';
import { h } from './dom.ts';

/** The copy formats, with what each looks like (never the token itself: copying happens in main). */
export const COPY_FORMATS: { value: CopyFormat; label: string; shape: string }[] = [
  { value: 'raw', label: 'Token only', shape: 'eyJraWQ\u2026' },
  { value: 'header', label: 'Authorization header', shape: 'Authorization: Bearer eyJraWQ\u2026' },
  { value: 'env', label: 'Shell export', shape: "export CTM_ACCESS_TOKEN='eyJraWQ\u2026'" },
  { value: 'curl', label: 'curl command', shape: "curl -H 'Authorization: Bearer eyJraWQ\u2026' " },
];

/** Asks which token and which format to copy; resolves undefined when cancelled. */
export function askCopyFormat(dialog: HTMLDialogElement, profile: ProfileView): Promise<{ kind: TokenKind; format: CopyFormat } | undefined> {
  const radio = (name: string, value: string, label: string, checked: boolean, hint?: string) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value, checked }), label, hint ? h('code', { class: 'mono hint' }, hint) : undefined);
  const form = h('form', { class: 'fields', method: 'dialog' },
    h('h2', { id: 'copy-dialog-title' }, `Copy a token of ${profile.name}`),
    h('fieldset', {}, h('legend', {}, 'Token'), radio('kind', 'access', 'Access token', true), radio('kind', 'id', 'ID token', false)),
    h('fieldset', {}, h('legend', {}, 'Format'), ...COPY_FORMATS.map((f, i) => radio('format', f.value, f.label, i === 0, f.shape))),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel'),
      h('button', { type: 'submit', value: 'copy', class: 'primary' }, 'Copy'),
    ),
  );
  dialog.replaceChildren(form);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'copy') return resolve(undefined);
      const data = new FormData(form);
      resolve({ kind: data.get('kind') === 'id' ? 'id' : 'access', format: (String(data.get('format') ?? 'raw') as CopyFormat) });
    }, { once: true });
  });
}
