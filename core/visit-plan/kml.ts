// A visit plan as KML 2.2 (OGC 07-147r2), for Google Earth and My Maps: a folder per team in
// the team's screen colour, in it the base and a folder per day with its stops (numbered in
// visiting order) and the day's route as a line; the communes left out in a grey folder of their
// own. Written by hand: see xml-text.ts.
import { dayVi, dateVi, durationVi, kmVi, numberVi, requiredVi, routeSummaryVi } from './itinerary-format.ts';
import { itineraryTeams, unassignedCommunes, type ItineraryDay, type ItineraryOptions, type ItineraryStop, type ItineraryTeam, type Place } from './itinerary.ts';
import type { PlanView } from './plan-view.ts';
import { kmlColour, teamColour, UNASSIGNED_COLOUR } from './team-colours.ts';
import { degrees, xmlText } from './xml-text.ts';

const SIMULATED = 'Số liệu mô phỏng — không dùng cho báo cáo chính thức';

export function planToKml(plan: PlanView, options: ItineraryOptions = {}): string {
  const teams = itineraryTeams(plan, options.teamId);
  const about = [`${plan.provinceName}, ${dateVi(plan.firstDay)}–${dateVi(plan.lastDay)}`];
  if (plan.simulated) about.push(SIMULATED);
  // one team's file is that team's itinerary: the plan's leftovers are not its business
  const leftOut = options.teamId === undefined ? unassignedCommunes(plan) : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    element('name', plan.name),
    element('description', about.join('. ')),
    ...teams.map((team) => style(teamStyleId(team), teamColour(team.index))),
    ...(leftOut.length > 0 ? [style('chua-xep', UNASSIGNED_COLOUR)] : []),
    ...teams.map(teamFolder),
    ...(leftOut.length > 0
      ? [
          '<Folder>',
          element('name', 'Chưa xếp vào lịch trình'),
          ...leftOut.map(({ commune, required, reason }) =>
            placemark('chua-xep', commune.name, `${requiredVi(required)}; ${reason}; ${commune.place}`, point(commune)),
          ),
          '</Folder>',
        ]
      : []),
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}

const teamStyleId = (team: ItineraryTeam) => `doan-${team.team.id}`;

function style(id: string, hex: string): string {
  return [
    `<Style id="${xmlText(id)}">`,
    `<IconStyle><color>${kmlColour(hex)}</color></IconStyle>`,
    `<LineStyle><color>${kmlColour(hex)}</color><width>4</width></LineStyle>`,
    '</Style>',
  ].join('');
}

function teamFolder(team: ItineraryTeam): string {
  const styleId = teamStyleId(team);
  return [
    '<Folder>',
    element('name', team.team.name),
    ...(team.base ? [placemark(styleId, `Nơi xuất phát: ${team.base.name}`, `${team.team.name}; giờ làm việc ${team.team.dayStart}–${team.team.dayEnd}`, point(team.base))] : []),
    ...team.days.map((day) => dayFolder(team, day, styleId)),
    '</Folder>',
  ].join('\n');
}

function dayFolder(team: ItineraryTeam, day: ItineraryDay, styleId: string): string {
  const path: Place[] = [...(day.from ? [day.from] : []), ...day.stops.map((s) => s.commune), ...(day.backTo ? [day.backTo] : [])];
  const line = `<LineString><tessellate>1</tessellate><coordinates>${path.map(lonLat).join(' ')}</coordinates></LineString>`;
  return [
    '<Folder>',
    element('name', dayVi(day.route.day, ' ')),
    ...day.stops.map((stop) => placemark(styleId, `${stop.stop.order}. ${stop.commune.name}`, stopDescription(team, day, stop), point(stop.commune))),
    placemark(styleId, `${team.team.name} — ${dayVi(day.route.day, ' ')}`, routeSummaryVi(day.route), line),
    '</Folder>',
  ].join('\n');
}

function stopDescription(team: ItineraryTeam, day: ItineraryDay, { stop, commune }: ItineraryStop): string {
  const parts = [
    `${team.team.name}, ${dayVi(day.route.day)}`,
    `đến ${stop.arrival}, làm việc ${stop.start}–${stop.end}`,
    `di chuyển ${durationVi(stop.travelMinutes)}, ${kmVi(stop.distanceKm)}`,
    requiredVi(commune.required),
  ];
  if (commune.priority !== null) parts.push(`điểm ưu tiên ${numberVi(commune.priority, 1)}`);
  parts.push(commune.place);
  return parts.join('; ');
}

function placemark(styleId: string, name: string, description: string, geometry: string): string {
  return `<Placemark>${element('name', name)}${element('description', description)}<styleUrl>#${xmlText(styleId)}</styleUrl>${geometry}</Placemark>`;
}

/** KML writes lon,lat (x before y), unlike GPX's lat/lon attributes. */
const lonLat = (place: { lon: number; lat: number }) => `${degrees(place.lon)},${degrees(place.lat)}`;
const point = (place: { lon: number; lat: number }) => `<Point><coordinates>${lonLat(place)}</coordinates></Point>`;
const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
