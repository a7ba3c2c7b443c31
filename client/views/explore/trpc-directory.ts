// The map's UnitDirectory over the API: units.get for a unit and its parents, units.children for
// the units inside it (with the label points the pre-2025 communes are drawn at), and
// boundaries.inDistrict for the old communes someone uploaded polygons for.
import type { UnitDirectory } from '../../map/unit-directory.ts';
import { trpc } from '../../lib/trpc.ts';

export const trpcDirectory: UnitDirectory = {
  unit: (structure, code, signal) => trpc.units.get.query({ structure, code }, { signal }),
  children: (structure, code, signal) => trpc.units.children.query({ structure, code }, { signal }),
  uploadedBoundaries: (structure, code, signal) => trpc.boundaries.inDistrict.query({ structure, code }, { signal }),
};
