import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PromptInterruptedError } from '../../../main/cli/terminal.ts';
import { ProxyFailureError } from '../../../main/core/cognito/proxy-failure.ts';
import { KeychainError } from '../../../main/core/errors.ts';
import { IdTokenMismatchError } from '../../../main/core/oauth/oauth-tokens.ts';
import { RepairableConfigError } from '../../../main/core/profiles/config-file.ts';

/** One class declared in our source: its name, what it extends, and the `name` it states (if any). */
interface DeclaredClass {
  file: string;
  name: string;
  base: string | undefined;
  statedName: string | undefined;
}

const SOURCE_FOLDERS = ['main', 'renderer'];

function classesIn(file: string): DeclaredClass[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: DeclaredClass[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name) {
      const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
      const base = heritage?.types[0]?.expression.getText(source);
      const field = node.members.find(
        (m): m is ts.PropertyDeclaration =>
          ts.isPropertyDeclaration(m) &&
          !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) &&
          m.name.getText(source) === 'name',
      );
      const statedName =
        field?.initializer && ts.isStringLiteral(field.initializer) ? field.initializer.text : undefined;
      found.push({ file, name: node.name.text, base, statedName });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every class in main/ and renderer/ that extends Error, directly or through another class of ours. */
function ourErrorClasses(): DeclaredClass[] {
  const files = SOURCE_FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => join(folder, f)),
  );
  const classes = files.flatMap(classesIn);
  const byName = new Map(classes.map((c) => [c.name, c]));
  const isError = (c: DeclaredClass, seen = new Set<string>()): boolean => {
    if (c.base === 'Error') return true;
    const base = c.base === undefined ? undefined : byName.get(c.base);
    if (!base || seen.has(base.name)) return false;
    return isError(base, seen.add(c.name));
  };
  return classes.filter((c) => isError(c));
}

describe('our error classes state their names (the minified ctm bundle keeps no class names)', () => {
  it('every class extending Error in main/ and renderer/ declares `name` as its own class name', () => {
    const errors = ourErrorClasses();
    // The walk finds them all, through every level (Error <- CtmError <- CognitoNetworkError <- ProxyFailureError).
    expect(errors.length).toBeGreaterThanOrEqual(30);
    expect(errors.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'CtmError',
        'ProxyFailureError',
        'RepairableConfigError',
        'PromptInterruptedError',
        'ApiError',
      ]),
    );
    const wrong = errors
      .filter((c) => c.statedName !== c.name)
      .map((c) => `${c.file}: class ${c.name} states name ${c.statedName ?? '(none)'}`);
    expect(wrong).toEqual([]);
  });

  it('an instance has its own class name, also a subclass of a subclass', () => {
    expect(new KeychainError('x').name).toBe('KeychainError');
    expect(new ProxyFailureError('x').name).toBe('ProxyFailureError');
    expect(new IdTokenMismatchError('x').name).toBe('IdTokenMismatchError');
    expect(new RepairableConfigError('x').name).toBe('RepairableConfigError');
    expect(new PromptInterruptedError().name).toBe('PromptInterruptedError');
  });
});
