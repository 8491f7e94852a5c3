/**
 * macOS: pbcopy cannot add a second type, so JXA (osascript -l JavaScript) writes the text as
 * public.utf8-plain-text with org.nspasteboard.ConcealedType beside it (nspasteboard.org), reading the text from stdin.
 */
export const MAC_COPY_SCRIPT = [
  "ObjC.import('AppKit');",
  'const data = $.NSFileHandle.fileHandleWithStandardInput.readDataToEndOfFile;',
  'const text = $.NSString.alloc.initWithDataEncoding(data, $.NSUTF8StringEncoding);',
  'const board = $.NSPasteboard.generalPasteboard;',
  'board.clearContents;',
  "board.setStringForType(text, 'public.utf8-plain-text');",
  "board.setStringForType('', 'org.nspasteboard.ConcealedType');",
].join('\n');

/** macOS: empties the general pasteboard. */
export const MAC_CLEAR_SCRIPT = "ObjC.import('AppKit');\n$.NSPasteboard.generalPasteboard.clearContents;";

// Windows formats that keep a copy out of clipboard history, the cloud clipboard and monitoring apps (Microsoft's
// "Clipboard Formats" page): ExcludeClipboardContentFromMonitorProcessing (any data) and the two DWORD 0 flags.
const WINDOWS_PRELUDE = 'Add-Type -AssemblyName System.Windows.Forms';

/** Windows: a DataObject with the text (read from stdin as UTF-8) and the formats that exclude it from history. */
export const WINDOWS_COPY_SCRIPT = [
  WINDOWS_PRELUDE,
  '[Console]::InputEncoding = [System.Text.Encoding]::UTF8',
  '$text = [Console]::In.ReadToEnd()',
  '$data = New-Object System.Windows.Forms.DataObject',
  '$data.SetText($text, [System.Windows.Forms.TextDataFormat]::UnicodeText)',
  "foreach ($format in 'ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard') {",
  '  $data.SetData($format, (New-Object System.IO.MemoryStream(,[byte[]](0, 0, 0, 0))))',
  '}',
  '[System.Windows.Forms.Clipboard]::SetDataObject($data, $true)',
].join('\n');

/** Windows: the clipboard's text on stdout, as UTF-8 and without a newline. */
export const WINDOWS_READ_SCRIPT = [
  WINDOWS_PRELUDE,
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  '[Console]::Out.Write([System.Windows.Forms.Clipboard]::GetText())',
].join('\n');

/** Windows: empties the clipboard. */
export const WINDOWS_CLEAR_SCRIPT = `${WINDOWS_PRELUDE}\n[System.Windows.Forms.Clipboard]::Clear()`;
