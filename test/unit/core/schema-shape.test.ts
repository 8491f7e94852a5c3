import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { schemaOf, type Same } from '../../../main/core/schema-shape.ts';

// Most assertions here are compile-time: `npm run check` (tsc) fails when a call marked as an expected error compiles,
// i.e. when schemaOf stops refusing a drift. The runtime part shows the schema comes back unchanged.

/** A shape declared elsewhere (as the IPC contract declares its types). */
interface Shape {
  name: string;
  count?: number;
  nested: { flag?: boolean };
}

const ofShape = schemaOf<Shape>();
const nested = z.object({ flag: z.boolean().optional() });

describe('schemaOf: a schema typed by a type declared elsewhere, compiling only when both agree', () => {
  it('accepts a schema whose output is exactly the type, and returns it unchanged', () => {
    const schema = z.object({ name: z.string(), count: z.number().optional(), nested });
    expect(ofShape(schema)).toBe(schema);
    expect(ofShape(schema).safeParse({ name: 'a', nested: {} }).success).toBe(true);
    expectTypeOf<z.output<typeof schema>>().toEqualTypeOf<Shape>();
  });

  it('refuses a field the type has and the schema lacks (optional or not)', () => {
    // @ts-expect-error `count` is in the type, not in the schema
    ofShape(z.object({ name: z.string(), nested }));
    // @ts-expect-error `nested.flag` is in the type, not in the nested schema
    ofShape(z.object({ name: z.string(), count: z.number().optional(), nested: z.object({}) }));
    expectTypeOf<Same<{ a?: string }, Record<never, never>>>().toEqualTypeOf<false>();
  });

  it('refuses a field the schema has and the type lacks', () => {
    // @ts-expect-error `extra` is in the schema, not in the type
    ofShape(z.object({ name: z.string(), count: z.number().optional(), nested, extra: z.string().optional() }));
    expectTypeOf<Same<{ a: string; b?: string }, { a: string }>>().toEqualTypeOf<false>();
  });

  it('refuses a field optional in one and required in the other, or of another type', () => {
    // @ts-expect-error `count` is optional in the type, required in the schema
    ofShape(z.object({ name: z.string(), count: z.number(), nested }));
    // @ts-expect-error `name` is required in the type, optional in the schema
    ofShape(z.object({ name: z.string().optional(), count: z.number().optional(), nested }));
    // @ts-expect-error `count` is a number in the type, a string in the schema
    ofShape(z.object({ name: z.string(), count: z.string().optional(), nested }));
    expectTypeOf<Same<{ a?: string }, { a: string }>>().toEqualTypeOf<false>();
  });

  it('tells optional tuple elements from required ones (argument lists)', () => {
    const withOptionalLast = z.tuple([z.string(), z.string().optional()]);
    expectTypeOf<Same<z.output<typeof withOptionalLast>, [string, (string | undefined)?]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<z.output<typeof withOptionalLast>, [string, string]>>().toEqualTypeOf<false>();
    // @ts-expect-error the last argument is required by the type, optional in the schema
    schemaOf<[string, string]>()(withOptionalLast);
    expect(withOptionalLast.safeParse(['a']).success).toBe(true);
  });
});
