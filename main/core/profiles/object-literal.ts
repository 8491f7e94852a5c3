import { BadInputError } from '../errors.ts';

/** A value a JavaScript object literal of plain data can hold. */
export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

/**
 * Reads the first object literal in a JavaScript source (such as Amplify's `aws-exports.js`) as data, WITHOUT
 * evaluating it: only strings, numbers, booleans, null, arrays and nested objects are understood, so a file
 * cannot run code through us. Anything else is a BadInputError naming the line.
 */
export function readFirstObjectLiteral(source: string, fileName: string): { [key: string]: LiteralValue } {
  const reader = new LiteralReader(source, fileName);
  reader.skipToFirstBrace();
  const value = reader.value();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw reader.fail('expected an object literal');
  return value;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class LiteralReader {
  private at = 0;
  private readonly text: string;
  private readonly fileName: string;

  constructor(text: string, fileName: string) {
    this.text = text;
    this.fileName = fileName;
  }

  /** Moves to the first `{` outside comments and strings. */
  skipToFirstBrace(): void {
    while (this.at < this.text.length) {
      this.skipSpace();
      const ch = this.text[this.at];
      if (ch === '{') return;
      if (ch === '"' || ch === "'" || ch === '`') this.string();
      else this.at += 1;
    }
    throw new BadInputError(`${this.fileName} holds no object literal; expected the file Amplify generated (const awsmobile = { ... }).`);
  }

  value(): LiteralValue {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"' || ch === "'" || ch === '`') return this.string();
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const word = this.identifier();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null' || word === 'undefined') return null;
    throw this.fail(word ? `"${word}" is code, not a literal value` : 'expected a literal value');
  }

  fail(what: string): BadInputError {
    const line = this.text.slice(0, this.at).split('\n').length;
    return new BadInputError(`${this.fileName} line ${line}: ${what}; only plain values (strings, numbers, true/false, arrays, objects) can be imported.`);
  }

  private object(): { [key: string]: LiteralValue } {
    const result: { [key: string]: LiteralValue } = {};
    this.at += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === '}') break;
      const quote = this.text[this.at];
      const key = quote === '"' || quote === "'" ? this.string() : this.identifier();
      if (!key) throw this.fail('expected a property name');
      this.skipSpace();
      if (this.text[this.at] !== ':') throw this.fail(`expected ":" after "${key}"`);
      this.at += 1;
      result[key] = this.value();
      if (!this.separator('}')) break;
    }
    this.at += 1;
    return result;
  }

  private array(): LiteralValue[] {
    const result: LiteralValue[] = [];
    this.at += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']') break;
      result.push(this.value());
      if (!this.separator(']')) break;
    }
    this.at += 1;
    return result;
  }

  /** After a member: true when a comma was eaten (more may follow); false at the closing bracket. */
  private separator(close: string): boolean {
    this.skipSpace();
    const ch = this.text[this.at];
    if (ch === ',') {
      this.at += 1;
      return true;
    }
    if (ch === close) return false;
    throw this.fail(`expected "," or "${close}"`);
  }

  private string(): string {
    const quote = this.text[this.at];
    let out = '';
    this.at += 1;
    while (this.at < this.text.length) {
      const ch = this.text[this.at] ?? '';
      if (ch === quote) {
        this.at += 1;
        return out;
      }
      if (quote === '`' && ch === '$' && this.text[this.at + 1] === '{') throw this.fail('template expressions are code');
      if (ch === '\\') {
        const next = this.text[this.at + 1] ?? '';
        out += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' }[next] ?? next;
        this.at += 2;
        continue;
      }
      if (ch === '\n' && quote !== '`') break;
      out += ch;
      this.at += 1;
    }
    throw this.fail('unterminated string');
  }

  private identifier(): string {
    IDENTIFIER.lastIndex = this.at;
    const match = IDENTIFIER.exec(this.text);
    if (!match) return '';
    this.at += match[0].length;
    return match[0];
  }

  private skipSpace(): void {
    for (;;) {
      while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
      if (this.text.startsWith('//', this.at)) {
        const end = this.text.indexOf('\n', this.at);
        this.at = end === -1 ? this.text.length : end;
      } else if (this.text.startsWith('/*', this.at)) {
        const end = this.text.indexOf('*/', this.at + 2);
        this.at = end === -1 ? this.text.length : end + 2;
      } else return;
    }
  }
}
