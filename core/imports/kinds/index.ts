// The import kinds by name: each file of this folder has the same shape (types.ts ImportKindDef).
import type { ImportKind, ImportKindDef } from '../types.ts';
import { projectKind } from './project.ts';
import { reviewKind } from './review.ts';
import { targetKind } from './target.ts';
import { visitKind } from './visit.ts';

export const IMPORT_KIND_DEFS: Record<ImportKind, ImportKindDef> = {
  review: reviewKind,
  target: targetKind,
  project: projectKind,
  visit: visitKind,
};
