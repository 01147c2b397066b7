// Types of the generated standalone validator (see scripts/generate-validator.js).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: GeneratedValidator;
export default validate;
