// Team colours, one set for the planning screen's map (client/views/plans/plan-colours.ts
// re-exports them) and the KML styles, so a team is the same colour in Google Earth as on the
// screen. Okabe-Ito's colour-blind-safe hues first, then three darker ones for larger fleets.
export const TEAM_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#6a3d9a', '#8c510a', '#01665e'] as const;

/** Communes no team visits. */
export const UNASSIGNED_COLOUR = '#8d8d8d';

/** A team's colour by its place in the plan's team list. */
export function teamColour(index: number): string {
  return TEAM_COLOURS[((index % TEAM_COLOURS.length) + TEAM_COLOURS.length) % TEAM_COLOURS.length]!;
}

/** '#0072b2' → KML's aabbggrr, opaque: "ffb27200". */
export function kmlColour(hex: string, alpha = 0xff): string {
  const [r, g, b] = [1, 3, 5].map((i) => hex.slice(i, i + 2).toLowerCase());
  return `${alpha.toString(16).padStart(2, '0')}${b}${g}${r}`;
}
