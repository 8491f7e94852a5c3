import { fishQuote, posixQuote, powershellQuote } from '../tokens/shell-quote.ts';
import type { AwsExportShell } from '../../shared/copy-formats.ts';
import { awsEnvironment, type AwsCredentials } from './aws-credentials.ts';

/**
 * The credentials as lines a shell loads (`export AWS_ACCESS_KEY_ID='…'`, PowerShell's `$env:`, fish's `set -gx`), the
 * variables `ctm exec --aws` sets; every value quoted, since these lines are pasted into shells.
 */
export function awsExportLines(credentials: AwsCredentials, shell: AwsExportShell): string {
  return Object.entries(awsEnvironment(credentials))
    .map(([name, value]) => {
      if (shell === 'powershell') return `$env:${name} = ${powershellQuote(value)}`;
      if (shell === 'fish') return `set -gx ${name} ${fishQuote(value)}`;
      return `export ${name}=${posixQuote(value)}`;
    })
    .join('\n');
}
