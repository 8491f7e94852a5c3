import type { z } from 'zod';

/** True when A and B are the same type: a field only one has, or optional in one and required in the other, makes it false. */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Nothing when the schema's output is exactly T; else a property naming the fields that differ (present in one only,
 * optional in one only, or typed otherwise), which is what the compile error shows. Written out, not through an alias,
 * so the error lists the field names.
 */
type ShapeCheck<Output, T> =
  Same<Output, T> extends true
    ? unknown
    : {
        'the schema and its type differ in':
          | Exclude<keyof Output, keyof T>
          | Exclude<keyof T, keyof Output>
          | {
              [K in keyof Output & keyof T]: Same<Pick<Output, K>, Pick<T, K>> extends true ? never : K;
            }[keyof Output & keyof T];
      };

/**
 * Types a schema by a type declared elsewhere (the IPC contract, main/shared): `schemaOf<ProfileInput>()(z.object(...))`
 * compiles only when what the schema accepts is exactly T, so a field added to either and not the other fails to
 * compile, and the error names it. The schema is returned unchanged.
 */
export function schemaOf<T>(): <S extends z.ZodType>(schema: S & ShapeCheck<z.output<S>, T>) => S {
  return (schema) => schema;
}
