import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../../main/core/errors.ts';
import { readFirstObjectLiteral } from '../../../../main/core/profiles/object-literal.ts';

describe('readFirstObjectLiteral (acorn, literal values only)', () => {
  it('keeps "__proto__" as an ordinary key instead of replacing the prototype', () => {
    const value = readFirstObjectLiteral('const a = { "__proto__": { "polluted": true }, x: 1 };', 'aws-exports.js');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('decodes escapes as JavaScript does: \\u, \\u{...}, \\x, line continuations', () => {
    const value = readFirstObjectLiteral(
      String.raw`const a = { u: "\u0041\u00e9", cp: '\u{1F600}', x: "\x41\x7e", nl: "a\nb", cont: "a\
b" };`,
      'aws-exports.js',
    );
    expect(value).toEqual({ u: 'Aé', cp: '\u{1F600}', x: 'A~', nl: 'a\nb', cont: 'ab' });
  });

  it('reads numbers, negative numbers, booleans, null, undefined, arrays and templates without expressions', () => {
    const value = readFirstObjectLiteral(
      'export default { n: 1e3, h: 0x10, neg: -2, t: true, f: false, z: null, u: undefined, a: [1, "b"], s: `plain` };',
      'x.js',
    );
    expect(value).toEqual({ n: 1000, h: 16, neg: -2, t: true, f: false, z: null, u: null, a: [1, 'b'], s: 'plain' });
  });

  it('takes the first object literal of the file, skipping braces in comments and strings', () => {
    const value = readFirstObjectLiteral(
      '// { not: this }\nconst s = "{ nor: this }";\nconst awsmobile = { yes: 1 };\nconst later = { no: 2 };',
      'aws-exports.js',
    );
    expect(value).toEqual({ yes: 1 });
  });

  it.each([
    ['a call', 'const a = {\n  x: fetch("https://example.com"),\n};', /line 2: "fetch" is code/],
    ['a spread', 'const a = {\n  ...other,\n};', /line 2: "\.\.\." is code/],
    ['a computed key', 'const a = { [k]: 1 };', /line 1: a property must be "name: value"/],
    ['a getter', 'const a = { get x() { return 1; } };', /line 1: a property must be "name: value"/],
    ['a shorthand', 'const a = { x };', /line 1: a property must be "name: value"/],
    ['a template expression', 'const a = {\n\n  x: `${process.env.X}`,\n};', /line 3: template expressions are code/],
    ['a regular expression', 'const a = { x: /re/ };', /line 1: \/re\/ is not a plain value/],
  ])('refuses %s, naming its line', (_what, source, message) => {
    expect(() => readFirstObjectLiteral(source, 'aws-exports.js')).toThrow(BadInputError);
    expect(() => readFirstObjectLiteral(source, 'aws-exports.js')).toThrow(message);
  });

  it('reports a syntax error with its line and column', () => {
    expect(() => readFirstObjectLiteral('const a = {\n  x: 1\n  y: 2,\n};', 'aws-exports.js')).toThrow(
      /aws-exports\.js line 3 column 3: not valid JavaScript \(Unexpected token\)/,
    );
  });

  it('says what was expected when the file holds no object at all', () => {
    expect(() => readFirstObjectLiteral('just some words', 'readme.txt')).toThrow(
      /readme\.txt holds no object literal/,
    );
    expect(() => readFirstObjectLiteral('const a = [1, 2];', 'a.js')).toThrow(/a\.js holds no object literal/);
  });
});
