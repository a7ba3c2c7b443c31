// A visit plan as GPX 1.1 (topografix.com/GPX/1/1), for GPS units and phone apps (OsmAnd,
// Organic Maps): a waypoint per stop, a route per team and day from its start through the stops
// in visiting order (and back to base when the day ends there). Written by hand: see xml-text.ts.
import { dateVi, dayVi, requiredVi, routeSummaryVi, vietnamTimeToUtc } from './itinerary-format.ts';
import { itineraryTeams, type ItineraryDay, type ItineraryOptions, type ItineraryTeam, type Place } from './itinerary.ts';
import type { PlanView } from './plan-view.ts';
import { degrees, xmlText } from './xml-text.ts';

const SIMULATED = 'Số liệu mô phỏng — không dùng cho báo cáo chính thức';

export function planToGpx(plan: PlanView, options: ItineraryOptions = {}): string {
  const teams = itineraryTeams(plan, options.teamId);
  const waypoints = teams.flatMap((team) => team.days.flatMap((day) => stopWaypoints(team, day)));
  const routes = teams.flatMap((team) => team.days.map((day) => dayRoute(team, day)));
  const about = [`${plan.provinceName}, ${dateVi(plan.firstDay)}–${dateVi(plan.lastDay)}`];
  if (plan.simulated) about.push(SIMULATED);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="povmap" xmlns="http://www.topografix.com/GPX/1/1">',
    '<metadata>',
    `<name>${xmlText(plan.name)}</name>`,
    `<desc>${xmlText(about.join('. '))}</desc>`,
    '</metadata>',
    ...waypoints,
    ...routes,
    '</gpx>',
    '',
  ].join('\n');
}

/** GPX orders a waypoint's children: time, name, desc, type (schema sequence). */
function stopWaypoints(team: ItineraryTeam, day: ItineraryDay): string[] {
  return day.stops.map(({ stop, commune }) => {
    const desc = [
      team.team.name,
      dayVi(day.route.day),
      `đến ${stop.arrival}, làm việc ${stop.start}–${stop.end}`,
      requiredVi(commune.required),
      commune.place,
    ].join('; ');
    return [
      `<wpt lat="${degrees(commune.lat)}" lon="${degrees(commune.lon)}">`,
      `<time>${vietnamTimeToUtc(day.route.day, stop.arrival)}</time>`,
      `<name>${xmlText(`${stop.order}. ${commune.name}`)}</name>`,
      `<desc>${xmlText(desc)}</desc>`,
      `<type>${commune.required ? 'required' : 'optional'}</type>`,
      '</wpt>',
    ].join('');
  });
}

/** "Đoàn 1 — Thứ hai 24/11/2026": base (or last night's stop) → stops → base. */
function dayRoute(team: ItineraryTeam, day: ItineraryDay): string {
  const points: string[] = [];
  if (day.from) points.push(routePoint(day.from, 'Xuất phát: '));
  for (const { stop, commune } of day.stops) points.push(routePoint(commune, `${stop.order}. `));
  if (day.backTo) points.push(routePoint(day.backTo, 'Về: '));
  return [
    '<rte>',
    `<name>${xmlText(`${team.team.name} — ${dayVi(day.route.day, ' ')}`)}</name>`,
    `<desc>${xmlText(routeSummaryVi(day.route))}</desc>`,
    ...points,
    '</rte>',
  ].join('\n');
}

function routePoint(place: Place, prefix: string): string {
  return `<rtept lat="${degrees(place.lat)}" lon="${degrees(place.lon)}"><name>${xmlText(prefix + place.name)}</name></rtept>`;
}
