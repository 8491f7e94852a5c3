import { z } from 'zod';
import { ENVIRONMENT_COLOURS, ENVIRONMENT_NAME, suggestEnvironment } from '../../shared/environments.ts';

/**
 * A profile's place among environments, as stored: its environment (dev, staging, prod or the user's own), that
 * environment's colour when the user picked one, and whether it is pinned. All optional: a profile without an
 * environment shows the one its name suggests (main/shared/environments.ts).
 */
export const ENVIRONMENT_FIELDS = {
  environment: z
    .string()
    .regex(
      ENVIRONMENT_NAME,
      'environment: use 1 to 24 lower-case letters, digits or "-", such as dev, staging, prod or qa',
    )
    .optional(),
  environmentColour: z
    .enum(ENVIRONMENT_COLOURS, { error: `environment colour: expected one of ${ENVIRONMENT_COLOURS.join(', ')}` })
    .optional(),
  pinned: z.boolean().optional(),
};

/** Imported fields with the environment their name or pool id suggests, when they carry none ("orders-prod" -> prod). */
export function withSuggestedEnvironment(fields: Record<string, unknown>): Record<string, unknown> {
  if (typeof fields.environment === 'string' && fields.environment !== '') return fields;
  const suggested = suggestEnvironment(
    typeof fields.name === 'string' ? fields.name : '',
    typeof fields.userPoolId === 'string' ? fields.userPoolId : '',
  );
  return suggested ? { ...fields, environment: suggested } : fields;
}
