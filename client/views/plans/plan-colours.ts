// How the route map tells teams and days apart. A team keeps one colour across its days, so the
// eye follows a team; its days differ by dash (solid, dashed, dotted, dash-dot), which survives
// black-and-white printing and colour blindness better than shades of the same hue.
// Plain hex: e2e tests compare canvas pixels with these values.
import { teamColour } from '../../../core/visit-plan/team-colours.ts';

// The colours themselves live in core (core/visit-plan/team-colours.ts): the KML files use the
// same, so a team is one colour on the screen and in Google Earth.
export { TEAM_COLOURS, teamColour, UNASSIGNED_COLOUR } from '../../../core/visit-plan/team-colours.ts';

/** Dash patterns in line widths, by day index modulo their count; [] is a solid line. */
export const DAY_DASHES: readonly (readonly number[])[] = [[], [3, 1.6], [0.9, 1.4], [4, 1.5, 0.9, 1.5]];

/** Colours by team id, in the order the plan lists its teams. */
export function teamColours(teams: readonly { id: number }[]): Map<number, string> {
  return new Map(teams.map((team, i) => [team.id, teamColour(i)]));
}

/** Which dash pattern a day gets: its index among the plan's days, cycling through DAY_DASHES. */
export function dayDash(dayIndex: number): number {
  return dayIndex % DAY_DASHES.length;
}

/** Communes picked by hand for a new plan: their fill on the map. */
export const PICKED_COLOUR = '#f4a259';
