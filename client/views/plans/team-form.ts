// The team settings form as plain text fields, and its check before teams.update: times 'HH:MM'
// with the day ending after it starts, a service time in whole minutes, a base picked or typed,
// available days typed as dates. Pure; errors are message keys the form shows in Vietnamese.
import type { TeamSettings, Vehicle } from '../../../core/visit-plan/plan-view.ts';
import type { MessageKey } from '../../lib/i18n/messages.ts';
import type { TeamSettingsInput } from './plans-api.ts';

export interface TeamForm {
  baseKind: 'none' | 'unit' | 'point';
  unit: { structure: '2025' | 'pre2025'; code: string; name: string } | null;
  /** Decimal degrees as typed ("105,9" or "105.9"). */
  lon: string;
  lat: string;
  label: string;
  /** The point ("lon,lat") and label the team had when the form opened: a label typed for one
   *  place must not stay on another, so moving the point without touching the label drops it. */
  labelledPoint?: { at: string; label: string };
  dayStart: string;
  dayEnd: string;
  serviceMinutes: string | number | null;
  /** Dates the team can go, dd/mm/yyyy (or yyyy-mm-dd), separated by commas, spaces or lines; empty: Monday-Friday. */
  availableDays: string;
  vehicle: Vehicle;
  overnight: boolean;
}

export type TeamFormField = 'base' | 'lon' | 'lat' | 'dayStart' | 'dayEnd' | 'serviceMinutes' | 'availableDays';
export type TeamFormErrors = Partial<Record<TeamFormField, MessageKey>>;

const isoToVi = (iso: string) => iso.split('-').reverse().join('/');

export function formFromTeam(team: TeamSettings): TeamForm {
  const base = team.base;
  return {
    baseKind: base === null ? 'none' : base.kind,
    unit: base?.kind === 'unit' ? { structure: base.structure, code: base.code, name: base.name } : null,
    lon: base?.kind === 'point' ? String(base.lon) : '',
    lat: base?.kind === 'point' ? String(base.lat) : '',
    label: base?.kind === 'point' ? (base.label ?? '') : '',
    labelledPoint: base?.kind === 'point' && base.label ? { at: `${base.lon},${base.lat}`, label: base.label } : undefined,
    dayStart: team.dayStart,
    dayEnd: team.dayEnd,
    serviceMinutes: String(team.serviceMinutes),
    availableDays: (team.availableDays ?? []).map(isoToVi).join(', '),
    vehicle: team.vehicle,
    overnight: team.overnight,
  };
}

/** 'H:MM' or 'HH:MM' → minutes after midnight; null when it is not a time of day. */
export function minutesOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h <= 23 && m <= 59 ? h * 60 + m : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date as typed → 'YYYY-MM-DD', or null when it is no real date. */
export function parseDay(text: string): string | null {
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = vi ? [Number(vi[3]), Number(vi[2]), Number(vi[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  if (!Number.isInteger(y)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  // 31/02 rolls over to March in Date: not a date the user meant
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Typed dates → sorted ISO days without repeats; null for an empty list; 'bad' when one is not a date. */
export function parseDayList(text: string): string[] | null | 'bad' {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const days = parts.map(parseDay);
  if (days.some((d) => d === null)) return 'bad';
  return [...new Set(days as string[])].sort();
}

const parseDegrees = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));

/** The settings to send, or what is wrong with the form. */
export function checkTeamForm(form: TeamForm): { settings: TeamSettingsInput; errors: null } | { settings: null; errors: TeamFormErrors } {
  const errors: TeamFormErrors = {};
  let base: TeamSettingsInput['base'] = null;
  if (form.baseKind === 'unit') {
    if (form.unit) base = { kind: 'unit', structure: form.unit.structure, code: form.unit.code };
    else errors.base = 'teams.invalid.baseUnit';
  } else if (form.baseKind === 'point') {
    const [lon, lat] = [parseDegrees(form.lon), parseDegrees(form.lat)];
    // Vietnam with its islands: 102-118 E, 6-23.5 N (the server's VIETNAM_BOUNDS, server/plans/plan-input.ts)
    if (!(lon >= 102 && lon <= 118)) errors.lon = 'teams.invalid.lon';
    if (!(lat >= 6 && lat <= 23.5)) errors.lat = 'teams.invalid.lat';
    const stale = form.labelledPoint !== undefined && form.labelledPoint.at !== `${lon},${lat}` && form.label === form.labelledPoint.label;
    if (!errors.lon && !errors.lat) base = { kind: 'point', lon, lat, label: stale ? null : form.label.trim() || null };
  }
  const start = minutesOfDay(form.dayStart);
  const end = minutesOfDay(form.dayEnd);
  if (start === null) errors.dayStart = 'teams.invalid.time';
  if (end === null) errors.dayEnd = 'teams.invalid.time';
  else if (start !== null && end <= start) errors.dayEnd = 'teams.invalid.dayEnd';
  // a number input bound by Svelte holds a number (or null when emptied), not the text typed
  const service = Number(String(form.serviceMinutes ?? '').trim() || NaN);
  // a visit of 8+ hours is a typo (minutes typed as hours×100?), and 0 is no visit
  if (!Number.isInteger(service) || service < 5 || service > 480) errors.serviceMinutes = 'teams.invalid.service';
  const days = parseDayList(form.availableDays);
  if (days === 'bad') errors.availableDays = 'teams.invalid.days';
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      base,
      dayStart: `${pad(Math.floor(start! / 60))}:${pad(start! % 60)}`,
      dayEnd: `${pad(Math.floor(end! / 60))}:${pad(end! % 60)}`,
      serviceMinutes: service,
      availableDays: days as string[] | null,
      vehicle: form.vehicle,
      overnight: form.overnight,
    },
    errors: null,
  };
}
