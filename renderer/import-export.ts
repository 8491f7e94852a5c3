import type { Api } from '../main/ipc/contract.ts';

/** Reads the file the user picked (the renderer only reads what it was given; main parses it). */
export async function readPickedFile(input: HTMLInputElement): Promise<{ name: string; text: string } | undefined> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return undefined;
  return { name: file.name, text: await file.text() };
}

/** Offers text as a download (the export file holds no secret). */
export function offerDownload(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Imports the file the user picked, all profiles or none; what to say after, or undefined when nothing was picked.
 * Servers that are not AWS's are named and confirmed first (security, issue 19): a shared file could send passwords anywhere.
 */
export async function importPicked(api: Api, input: HTMLInputElement): Promise<string | undefined> {
  const file = await readPickedFile(input);
  if (!file) return undefined;
  const servers = await api.importServers(file.name, file.text);
  const list = servers.map((s) => `  ${s.server} (${s.profiles.join(', ')})`).join('\n');
  if (
    servers.length > 0 &&
    !window.confirm(
      `This file sends sign-ins to servers that are not AWS's:\n${list}\n\nPasswords, tokens and client secrets of these profiles would go there. Import it?`,
    )
  )
    return 'Nothing was imported.';
  const added = await api.importProfiles(
    file.name,
    file.text,
    servers.map((s) => s.server),
  );
  return `Imported ${added.length} profile${added.length === 1 ? '' : 's'}: ${added.map((p) => p.name).join(', ')}.`;
}
