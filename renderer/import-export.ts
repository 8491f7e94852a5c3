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
