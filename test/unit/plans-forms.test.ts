// The planning screen's form checks (client/views/plans): a team's settings before teams.update
// and a new plan before plans.create, with the Vietnamese message each wrong field gets.
import { describe, expect, it } from 'vitest';
import { translate } from '../../client/lib/i18n/translate.ts';
import { checkDraft, togglePicked, type PlanDraft } from '../../client/views/plans/plan-draft.ts';
import { checkTeamForm, formFromTeam, minutesOfDay, parseDay, parseDayList, type TeamForm } from '../../client/views/plans/team-form.ts';

const team = {
  base: { kind: 'unit' as const, structure: 'pre2025' as const, code: '436', name: 'Thành phố Hà Tĩnh', lon: 105.9, lat: 18.34 },
  dayStart: '07:30',
  dayEnd: '17:00',
  serviceMinutes: 90,
  availableDays: ['2026-05-19', '2026-05-18'],
  vehicle: 'car' as const,
  overnight: false,
};

describe('team settings form', () => {
  it('round-trips a team’s settings, the unit base going back by its code', () => {
    const form = formFromTeam(team);
    expect(form.availableDays).toBe('19/05/2026, 18/05/2026');
    const checked = checkTeamForm(form);
    expect(checked.errors).toBeNull();
    expect(checked.settings).toEqual({
      base: { kind: 'unit', structure: 'pre2025', code: '436' },
      dayStart: '07:30',
      dayEnd: '17:00',
      serviceMinutes: 90,
      availableDays: ['2026-05-18', '2026-05-19'],
      vehicle: 'car',
      overnight: false,
    });
  });

  it('takes a point typed with a decimal comma, pads times, and an empty day list as Monday-Friday', () => {
    const form: TeamForm = { ...formFromTeam(team), baseKind: 'point', lon: '105,905', lat: ' 18.34 ', label: '  ', dayStart: '7:05', availableDays: '  ' };
    expect(checkTeamForm(form).settings).toMatchObject({ base: { kind: 'point', lon: 105.905, lat: 18.34, label: null }, dayStart: '07:05', availableDays: null });
    expect(checkTeamForm({ ...form, baseKind: 'none' }).settings?.base).toBeNull();
  });

  it('drops a point’s label when the point moves and the label was left as it was; keeps a label typed anew', () => {
    const seat = { ...team, base: { kind: 'point' as const, lon: 105.9, lat: 18.34, label: 'Thành phố Hà Tĩnh — trụ sở tỉnh' } };
    const form = formFromTeam(seat);
    expect(checkTeamForm(form).settings?.base).toEqual(seat.base);
    const moved = { ...form, lon: '105,6', lat: '18,2' };
    expect(checkTeamForm(moved).settings?.base).toEqual({ kind: 'point', lon: 105.6, lat: 18.2, label: null });
    expect(checkTeamForm({ ...moved, label: 'UBND huyện Hương Khê' }).settings?.base).toMatchObject({ label: 'UBND huyện Hương Khê' });
  });

  it('names each wrong field, in Vietnamese', () => {
    const form: TeamForm = { ...formFromTeam(team), baseKind: 'point', lon: '200', lat: 'abc', dayStart: '17:00', dayEnd: '08:00', serviceMinutes: '1,5', availableDays: '18/05/2026, 31/02/2026' };
    const { errors } = checkTeamForm(form);
    expect(errors).toEqual({ lon: 'teams.invalid.lon', lat: 'teams.invalid.lat', dayEnd: 'teams.invalid.dayEnd', serviceMinutes: 'teams.invalid.service', availableDays: 'teams.invalid.days' });
    expect(translate('vi', errors!.dayEnd!)).toBe('Giờ kết thúc phải sau giờ bắt đầu.');
    expect(checkTeamForm({ ...formFromTeam(team), baseKind: 'unit', unit: null }).errors).toEqual({ base: 'teams.invalid.baseUnit' });
    expect(checkTeamForm({ ...formFromTeam(team), dayStart: '24:00' }).errors).toEqual({ dayStart: 'teams.invalid.time' });
    // what a bound number input holds
    expect(checkTeamForm({ ...formFromTeam(team), serviceMinutes: 45 }).settings?.serviceMinutes).toBe(45);
    expect(checkTeamForm({ ...formFromTeam(team), serviceMinutes: null }).errors).toEqual({ serviceMinutes: 'teams.invalid.service' });
  });

  it('reads times and dates as people write them', () => {
    expect(minutesOfDay('07:30')).toBe(450);
    expect(minutesOfDay('7:30')).toBe(450);
    expect(minutesOfDay('7h30')).toBeNull();
    expect(parseDay('1/6/2026')).toBe('2026-06-01');
    expect(parseDay('2026-06-01')).toBe('2026-06-01');
    expect(parseDay('29/02/2026')).toBeNull();
    expect(parseDayList('20/05/2026; 18/05/2026\n20/05/2026')).toEqual(['2026-05-18', '2026-05-20']);
  });
});

describe('new plan form', () => {
  const draft: PlanDraft = {
    name: ' Đợt giám sát tháng 5 ',
    structure: '2025',
    provinceCode: '42',
    firstDay: '2026-05-18',
    lastDay: '2026-05-20',
    teamIds: [7, 3],
    source: 'set',
    setId: 12,
    picked: [{ code: '18001', name: 'Xã Kỳ Anh' }],
  };

  it('sends the set or the picked codes, never both', () => {
    expect(checkDraft(draft).input).toEqual({ name: 'Đợt giám sát tháng 5', structure: '2025', provinceCode: '42', firstDay: '2026-05-18', lastDay: '2026-05-20', teamIds: [7, 3], communes: { setId: 12 } });
    expect(checkDraft({ ...draft, source: 'hand' }).input?.communes).toEqual({ codes: ['18001'] });
  });

  it('names what is missing or wrong', () => {
    expect(checkDraft({ ...draft, name: ' ', provinceCode: '', teamIds: [], setId: null }).errors).toEqual({
      name: 'plans.invalid.name',
      province: 'plans.invalid.province',
      teams: 'plans.invalid.teams',
      communes: 'plans.invalid.set',
    });
    expect(checkDraft({ ...draft, source: 'hand', picked: [] }).errors).toEqual({ communes: 'plans.invalid.picked' });
    expect(checkDraft({ ...draft, lastDay: '2026-05-17' }).errors).toEqual({ days: 'plans.invalid.dayOrder' });
    expect(checkDraft({ ...draft, lastDay: '2026-06-18' }).errors).toEqual({ days: 'plans.invalid.dayCount' });
    expect(checkDraft({ ...draft, lastDay: '2026-06-17' }).errors).toBeNull();
    expect(checkDraft({ ...draft, firstDay: '' }).errors).toEqual({ days: 'plans.invalid.days' });
  });

  it('picks a commune once, and a second click takes it out', () => {
    const once = togglePicked([], { code: '1', name: 'A' });
    expect(togglePicked(once, { code: '2', name: 'B' }).map((c) => c.code)).toEqual(['1', '2']);
    expect(togglePicked(once, { code: '1', name: 'A' })).toEqual([]);
  });
});
