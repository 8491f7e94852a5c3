import { isCopyFormat, type CopyChoice } from '../main/shared/copy-formats.ts';

const KEY = 'ctm.copy-choice';
const DEFAULT: CopyChoice = { kind: 'access', format: 'raw' };

/** The token and format the Copy button uses: the last one picked from its menu (kept in this page's storage; no secret). */
export function rememberedCopyChoice(storage: Pick<Storage, 'getItem'> = localStorage): CopyChoice {
  try {
    const saved = JSON.parse(storage.getItem(KEY) ?? 'null') as { kind?: unknown; format?: unknown } | null;
    if (saved && (saved.kind === 'access' || saved.kind === 'id') && isCopyFormat(saved.format))
      return { kind: saved.kind, format: saved.format };
  } catch {
    // A damaged entry is forgotten: the default is as good.
  }
  return DEFAULT;
}

/** Remembers the choice for the next Copy. */
export function rememberCopyChoice(choice: CopyChoice, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(choice));
}
