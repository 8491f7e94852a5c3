import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` whose bytes contain one of `secrets` (as text), with the secret's label. */
export function filesContaining(root: string, secrets: Record<string, string>): string[] {
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        const content = readFileSync(path).toString('latin1');
        for (const [label, secret] of Object.entries(secrets))
          if (secret && content.includes(secret)) hits.push(`${path}: ${label}`);
      }
    }
  };
  walk(root);
  return hits;
}
