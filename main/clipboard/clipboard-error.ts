import { CtmError } from '../core/errors.ts';

/** A copy that did not reach the system clipboard (or could not be checked): the user is told, never "copied". */
export class ClipboardError extends CtmError {
  override readonly name: string = 'ClipboardError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('internal', message, options);
  }
}
