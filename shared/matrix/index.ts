import { edition201902 } from './edition-2019-02.js';
import { editionCurrent } from './edition-current.js';
import type { EditionId, MatrixEdition } from './types.js';

export const DEFAULT_EDITION: EditionId = 'current';
export const EDITIONS: Record<EditionId, MatrixEdition> = { current: editionCurrent, '2019-02': edition201902 };
export const EDITION_IDS = Object.keys(EDITIONS) as EditionId[];

export function isEditionId(value: string): value is EditionId {
  return Object.hasOwn(EDITIONS, value);
}

export type { EditionId, MatrixEdition } from './types.js';
