import { parse, type Expression, type Node, type ObjectExpression, type Property, type SpreadElement } from 'acorn';
import { BadInputError } from '../errors.ts';

/** A value a JavaScript object literal of plain data can hold. */
export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

/**
 * Reads the first object literal in a JavaScript source (such as Amplify's `aws-exports.js`) as data, WITHOUT
 * evaluating it: acorn parses the file as JavaScript (so escapes, comments and quoting follow the language), and
 * only literal values are taken (strings, numbers, booleans, null, arrays, nested objects, templates without
 * `${}`); anything else is a BadInputError naming its line. `__proto__` is an ordinary key, never a prototype.
 */
export function readFirstObjectLiteral(source: string, fileName: string): { [key: string]: LiteralValue } {
  const noObject = new BadInputError(
    `${fileName} holds no object literal; expected the file Amplify generated (const awsmobile = { ... }).`,
  );
  if (!source.includes('{')) throw noObject; // prose or a stray file: say what was expected, not where the parser stopped
  const first = firstObject(parseSource(source, fileName));
  if (!first) throw noObject;
  return objectValue(first, source, fileName);
}

function parseSource(source: string, fileName: string): Node {
  try {
    return parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, locations: true });
  } catch (error) {
    // acorn's SyntaxError carries loc { line, column (0-based) } and ends its message with "(line:column)".
    const { loc, message } = error as SyntaxError & { loc?: { line: number; column: number } };
    const where = loc ? ` line ${loc.line} column ${loc.column + 1}` : '';
    throw new BadInputError(`${fileName}${where}: not valid JavaScript (${message.replace(/\s*\(\d+:\d+\)$/, '')}).`);
  }
}

/** The object literal that starts first in the file (the outermost one, since a parent starts before its children). */
function firstObject(root: Node): ObjectExpression | undefined {
  let best: ObjectExpression | undefined;
  const visit = (node: Node): void => {
    if (best && node.start >= best.start) return;
    if (node.type === 'ObjectExpression') {
      best = node as ObjectExpression;
      return;
    }
    for (const child of Object.values(node)) {
      for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) visit(item);
    }
  };
  visit(root);
  return best;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { start?: unknown }).start === 'number'
  );
}

function objectValue(node: ObjectExpression, source: string, fileName: string): { [key: string]: LiteralValue } {
  const result: { [key: string]: LiteralValue } = {};
  for (const member of node.properties) {
    const property = plainProperty(member, source, fileName);
    // defineProperty, not assignment: `result["__proto__"] = x` would replace the prototype instead of adding a key.
    Object.defineProperty(result, property.key, {
      value: literal(property.value, source, fileName),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function plainProperty(
  member: Property | SpreadElement,
  source: string,
  fileName: string,
): { key: string; value: Expression } {
  if (member.type === 'SpreadElement') throw fail(member, '"..." is code', source, fileName);
  if (member.kind !== 'init' || member.method || member.computed || member.shorthand)
    throw fail(member, 'a property must be "name: value"', source, fileName);
  const key = member.key;
  if (key.type === 'Identifier') return { key: key.name, value: member.value as Expression };
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return { key: String(key.value), value: member.value as Expression };
  throw fail(key, 'expected a property name', source, fileName);
}

function literal(node: Expression, source: string, fileName: string): LiteralValue {
  switch (node.type) {
    case 'ObjectExpression':
      return objectValue(node, source, fileName);
    case 'ArrayExpression':
      return node.elements.map((element) => {
        if (!element) throw fail(node, 'an array with holes is not data', source, fileName);
        if (element.type === 'SpreadElement') throw fail(element, '"..." is code', source, fileName);
        return literal(element, source, fileName);
      });
    case 'Literal':
      if (
        node.value === null ||
        typeof node.value === 'string' ||
        typeof node.value === 'number' ||
        typeof node.value === 'boolean'
      )
        return node.value;
      throw fail(node, `${node.raw ?? 'this'} is not a plain value`, source, fileName);
    case 'TemplateLiteral':
      if (node.expressions.length > 0) throw fail(node, 'template expressions are code', source, fileName);
      return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
    case 'UnaryExpression':
      if (
        (node.operator === '-' || node.operator === '+') &&
        node.argument.type === 'Literal' &&
        typeof node.argument.value === 'number'
      ) {
        return node.operator === '-' ? -node.argument.value : node.argument.value;
      }
      break;
    case 'Identifier':
      if (node.name === 'undefined') return null;
      throw fail(node, `"${node.name}" is code, not a literal value`, source, fileName);
    default:
      break;
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(node.start, node.end))?.[0];
  throw fail(
    node,
    word ? `"${word}" is code, not a literal value` : 'this is code, not a literal value',
    source,
    fileName,
  );
}

function fail(node: Node, what: string, source: string, fileName: string): BadInputError {
  const line = node.loc?.start.line ?? source.slice(0, node.start).split('\n').length;
  return new BadInputError(
    `${fileName} line ${line}: ${what}; only plain values (strings, numbers, true/false, arrays, objects) can be imported.`,
  );
}
