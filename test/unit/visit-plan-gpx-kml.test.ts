// The GPX and KML of a visit plan, read back by real parsers (@xmldom/xmldom + @tmcw/togeojson,
// what map tools use): every stop once in visiting order, a route per team and day, lon/lat
// order, names with diacritics and XML specials as written.
import { gpx, kml, kmlWithFolders, type Folder } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planToGpx } from '../../core/visit-plan/gpx.ts';
import { dayVi, durationVi, numberVi, vietnamTimeToUtc, weekdayVi } from '../../core/visit-plan/itinerary-format.ts';
import { planToKml } from '../../core/visit-plan/kml.ts';
import { kmlColour } from '../../core/visit-plan/team-colours.ts';
import { degrees, xmlText } from '../../core/visit-plan/xml-text.ts';
import { fixturePlan, TRICKY_COMMUNE_NAME, TRICKY_TEAM_NAME } from './plan-view-fixture.ts';

/** Parses strictly: any XML error fails the test instead of yielding a half-read document. */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const points = (features: Feature[]) => features.filter((f): f is Feature<Point> => f.geometry?.type === 'Point');
const lines = (features: Feature[]) => features.filter((f): f is Feature<LineString> => f.geometry?.type === 'LineString');

const BASE_1 = [109.3, 13.09];
const HOA_DONG = [109.18, 13.03];
const HOA_MY_DONG = [109.14, 12.98];
const TRICKY = [109.02, 12.97];

describe('planToGpx', () => {
  const features = gpx(parseXml(planToGpx(fixturePlan()))).features;

  it('has a waypoint per stop, numbered in visiting order, and a route per team and day', () => {
    const names = points(features).map((f) => f.properties!.name);
    expect(names).toEqual(['1. Xã Hòa Đồng', '2. Xã Hòa Mỹ Đông', '1. Xã Hòa Thịnh', '1. Xã Sơn Thành Tây', `2. ${TRICKY_COMMUNE_NAME}`, '1. Xã Hòa Phú']);
    expect(lines(features).map((f) => f.properties!.name)).toEqual([
      'Đoàn 1 — Sở LĐ-TB&XH — Thứ ba 24/11/2026',
      'Đoàn 1 — Sở LĐ-TB&XH — Thứ tư 25/11/2026',
      `${TRICKY_TEAM_NAME} — Thứ ba 24/11/2026`,
      `${TRICKY_TEAM_NAME} — Thứ tư 25/11/2026`,
    ]);
  });

  it('runs a day from the base through its stops and back, in lon/lat order', () => {
    const [day1] = lines(features);
    expect(day1!.geometry.coordinates).toEqual([BASE_1, HOA_DONG, HOA_MY_DONG, BASE_1]);
    expect(points(features)[0]!.geometry.coordinates).toEqual(HOA_DONG);
  });

  it('starts an overnight team\'s next day where it slept and does not send it home', () => {
    const day2 = lines(features)[3]!;
    expect(day2.geometry.coordinates).toEqual([TRICKY, [109.22, 12.99]]);
  });

  it('describes each stop: team, day, times, required or not; its time in UTC', () => {
    const hoaDong = points(features)[0]!;
    expect(hoaDong.properties!.desc).toBe('Đoàn 1 — Sở LĐ-TB&XH; Thứ ba, 24/11/2026; đến 08:05, làm việc 08:05–09:35; bắt buộc; Huyện Tây Hòa, Tỉnh Phú Yên');
    expect(hoaDong.properties!.time).toBe('2026-11-24T01:05:00Z');
    expect(points(features)[1]!.properties!.desc).toContain('không bắt buộc');
  });

  it('keeps only one team when asked', () => {
    const one = gpx(parseXml(planToGpx(fixturePlan(), { teamId: 12 }))).features;
    expect(points(one).map((f) => f.properties!.name)).toEqual(['1. Xã Sơn Thành Tây', `2. ${TRICKY_COMMUNE_NAME}`, '1. Xã Hòa Phú']);
    expect(lines(one)).toHaveLength(2);
  });

  it('names the plan and says when its data is simulated', () => {
    const doc = parseXml(planToGpx(fixturePlan()));
    const metadata = doc.getElementsByTagName('metadata')[0]!;
    expect(metadata.getElementsByTagName('name')[0]!.textContent).toBe('Giám sát quý IV/2026 — Phú Yên');
    expect(metadata.getElementsByTagName('desc')[0]!.textContent).toContain('Số liệu mô phỏng');
    const real = parseXml(planToGpx(fixturePlan({ simulated: false })));
    expect(real.getElementsByTagName('desc')[0]!.textContent).not.toContain('mô phỏng');
  });
});

describe('planToKml', () => {
  const text = planToKml(fixturePlan());
  const features = kml(parseXml(text)).features as Feature[];

  it('has each stop once, the bases, the left-out commune, and a line per team and day', () => {
    const names = points(features).map((f) => f.properties!.name);
    expect(names).toEqual([
      'Nơi xuất phát: Tỉnh Phú Yên', '1. Xã Hòa Đồng', '2. Xã Hòa Mỹ Đông', '1. Xã Hòa Thịnh',
      'Nơi xuất phát: UBND huyện Tây Hòa', '1. Xã Sơn Thành Tây', `2. ${TRICKY_COMMUNE_NAME}`, '1. Xã Hòa Phú',
      'Xã Ea Chà Rang',
    ]);
    expect(lines(features).map((f) => f.geometry.coordinates)).toEqual([
      [BASE_1, HOA_DONG, HOA_MY_DONG, BASE_1],
      [BASE_1, [109.1, 12.99], BASE_1],
      [[109.2, 12.95], [108.98, 12.96], TRICKY],
      [TRICKY, [109.22, 12.99]],
    ]);
  });

  it('colours each team with its screen colour (KML aabbggrr read back as #rrggbb)', () => {
    const [first, , third] = lines(features);
    expect(first!.properties!.stroke).toBe('#0072b2');
    expect(third!.properties!.stroke).toBe('#d55e00');
    expect(kmlColour('#0072b2')).toBe('ffb27200');
  });

  it('folds teams, then days; the left-out communes in a folder of their own', () => {
    const root = kmlWithFolders(parseXml(text));
    const folders = root.children.filter((c): c is Folder => c.type === 'folder');
    expect(folders.map((f) => f.meta.name)).toEqual(['Đoàn 1 — Sở LĐ-TB&XH', TRICKY_TEAM_NAME, 'Chưa xếp vào lịch trình']);
    const days = folders[0]!.children.filter((c): c is Folder => c.type === 'folder');
    expect(days.map((d) => d.meta.name)).toEqual(['Thứ ba 24/11/2026', 'Thứ tư 25/11/2026']);
    expect(parseXml(text).getElementsByTagName('Document')[0]!.getElementsByTagName('name')[0]!.textContent).toBe('Giám sát quý IV/2026 — Phú Yên');
  });

  it('describes a stop with its travel from the previous one and its priority score', () => {
    const hoaDong = points(features)[1]!;
    expect(hoaDong.properties!.description).toContain('di chuyển 35 phút, 1.234,6 km');
    expect(hoaDong.properties!.description).toContain('điểm ưu tiên 81,5');
  });

  it("leaves the plan's left-out communes out of one team's file", () => {
    const one = kml(parseXml(planToKml(fixturePlan(), { teamId: 11 }))).features as Feature[];
    expect(points(one).map((f) => f.properties!.name)).toEqual(['Nơi xuất phát: Tỉnh Phú Yên', '1. Xã Hòa Đồng', '2. Xã Hòa Mỹ Đông', '1. Xã Hòa Thịnh']);
  });

  it('draws a day of a team without a base from its first stop', () => {
    const plan = fixturePlan();
    plan.teams[0] = { ...plan.teams[0]!, base: null };
    const [day1] = lines(kml(parseXml(planToKml(plan, { teamId: 11 }))).features as Feature[]);
    expect(day1!.geometry.coordinates).toEqual([HOA_DONG, HOA_MY_DONG]);
  });
});

describe('xml text', () => {
  it('escapes & < > " \' and a name made of them survives a parser', () => {
    expect(xmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    const name = `&<>"'&amp;`;
    const doc = parseXml(`<a t="${xmlText(name)}">${xmlText(name)}</a>`);
    expect(doc.documentElement!.textContent).toBe(name);
    expect(doc.documentElement!.getAttribute('t')).toBe(name);
  });

  it('drops what XML cannot carry and keeps every Vietnamese letter, in NFC', () => {
    expect(xmlText('Xã\u0007 Hòa\uD800 Đồng')).toBe('Xã Hòa Đồng');
    expect(xmlText('Hoa\u0300')).toBe('Hoà');
    expect(parseXml(`<a>${xmlText('ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự đĐ')}</a>`).documentElement!.textContent).toBe('ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự đĐ');
  });

  it('writes degrees plainly', () => {
    expect(degrees(109.123456789)).toBe('109.123457');
    expect(degrees(1e-7)).toBe('0');
    expect(degrees(-1e-7)).toBe('0');
    expect(degrees(13)).toBe('13');
    expect(() => degrees(Number.NaN)).toThrow();
  });
});

describe('itinerary formats', () => {
  it('writes Vietnamese days, durations and numbers', () => {
    expect(weekdayVi('2026-11-23')).toBe('Thứ hai');
    expect(weekdayVi('2026-11-29')).toBe('Chủ nhật');
    expect(dayVi('2026-11-23')).toBe('Thứ hai, 23/11/2026');
    expect([durationVi(135), durationVi(45), durationVi(180), durationVi(0)]).toEqual(['2 giờ 15 phút', '45 phút', '3 giờ', '0 phút']);
    expect(numberVi(1234.56)).toBe('1.234,6');
    expect(vietnamTimeToUtc('2026-11-24', '06:30')).toBe('2026-11-23T23:30:00Z');
  });
});
