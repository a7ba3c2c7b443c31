// The itinerary PDF of a fixture plan, read back as text with pdfjs-dist: what a team prints and
// what can be copied out of it (the embedded font's Unicode map must give the letters back).
import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import { itineraryPdf, SIMULATED_NOTICE } from '../../server/plans/itinerary-pdf.ts';
import { pdfLines } from './pdf-text.ts';
import { fixturePlan, TRICKY_COMMUNE_NAME, TRICKY_TEAM_NAME } from './plan-view-fixture.ts';

const generatedAt = new Date('2026-11-22T17:30:00Z');

describe('itineraryPdf', async () => {
  const bytes = await itineraryPdf(fixturePlan(), { generatedAt });
  const pages = await pdfLines(bytes);

  it('gives each team its own page, then the communes left out', () => {
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pages).toHaveLength(3);
    expect(pages[0]!.slice(0, 2)).toEqual(['LỊCH TRÌNH GIÁM SÁT', 'Đoàn 1 — Sở LĐ-TB&XH']);
    expect(pages[1]!.slice(0, 2)).toEqual(['LỊCH TRÌNH GIÁM SÁT', TRICKY_TEAM_NAME]);
    expect(pages[2]![0]).toBe('CÁC XÃ CHƯA XẾP VÀO LỊCH TRÌNH');
    expect(pages[2]!.find((l) => l.includes('Xã Ea Chà Rang'))).toContain('không bắt buộc | Không đủ thời gian trong ngày');
  });

  it('heads a team with the plan, province, period, base, hours and vehicle', () => {
    const head = pages[0]!.join('\n');
    expect(head).toContain('Kế hoạch: Giám sát quý IV/2026 — Phú Yên (bản nháp)');
    expect(head).toContain('Tỉnh: Tỉnh Phú Yên; thời gian: 24/11/2026–25/11/2026');
    expect(head).toContain('Nơi xuất phát: Tỉnh Phú Yên');
    expect(head).toContain('Giờ làm việc: 07:30–17:00; 90 phút tại mỗi xã');
    expect(head).toContain('Phương tiện: ô tô; về nơi xuất phát mỗi tối');
    expect(pages[1]!.join('\n')).toContain('Phương tiện: xe máy; nghỉ đêm tại xã cuối ngày');
  });

  it('lists each day\'s stops in visiting order with arrival, working time, travel and notes', () => {
    const page = pages[0]!;
    const day1 = page.indexOf('Thứ ba, 24/11/2026');
    const day2 = page.indexOf('Thứ tư, 25/11/2026');
    expect(day1).toBeGreaterThan(0);
    expect(day2).toBeGreaterThan(day1);
    const first = page.findIndex((l) => l.startsWith('1 | Xã Hòa Đồng'));
    const second = page.findIndex((l) => l.startsWith('2 | Xã Hòa Mỹ Đông'));
    expect(first).toBeGreaterThan(day1);
    expect(second).toBeGreaterThan(first);
    // a row's cells wrap: its first line, then the second (the place's end, the distance)
    expect(page[first]).toBe('1 | Xã Hòa Đồng | Huyện Tây Hòa, Tỉnh | 08:05 | 08:05–09:35 | 35 phút | bắt buộc; điểm ưu tiên 81,5');
    expect(page[first + 1]).toBe('Phú Yên | 1.234,6 km');
    const home = page.findIndex((l) => l.startsWith('Về Tỉnh Phú Yên'));
    expect([page[home], page[home + 1]]).toEqual(['Về Tỉnh Phú Yên | 12:00 | 25 phút', '20 km']);
    expect(page).toContain('Cộng ngày: 1.262,1 km; di chuyển 1 giờ 10 phút; làm việc tại xã 3 giờ; đi 07:30 – xong 12:00 (về nơi xuất phát)');
  });

  it('keeps names with XML specials and says where an overnight team sleeps', () => {
    const page = pages[1]!;
    // the name wraps in its narrow column
    const row = page.findIndex((l) => l.startsWith('2 | Xã Sơn <Thành> &'));
    expect(page[row + 1]).toMatch(/^"Đông" 'A' \| /);
    expect(page).toContain(`Xuất phát từ ${TRICKY_COMMUNE_NAME} lúc 07:30`);
    expect(page.join(' ')).toContain(`(nghỉ lại tại ${TRICKY_COMMUNE_NAME})`);
  });

  it('numbers and dates every page, in Vietnam time, and marks simulated data in each footer', () => {
    pages.forEach((page, i) => {
      expect(page).toContain(`Lập lúc 00:30 ngày 23/11/2026 — povmap | Trang ${i + 1}/3`);
      expect(page.at(-1)).toBe(SIMULATED_NOTICE);
    });
  });

  it('leaves the notice out for real data and prints one team alone', async () => {
    // published at 20:00 UTC on the 20th: the 21st in Vietnam
    const published = fixturePlan({ simulated: false, status: 'published', publishedAt: '2026-11-20T20:00:00.000Z' });
    const one = await pdfLines(await itineraryPdf(published, { generatedAt, teamId: 12 }));
    expect(one[0]!.join('\n')).toContain('Kế hoạch: Giám sát quý IV/2026 — Phú Yên (đã gửi các đoàn ngày 21/11/2026)');
    expect(one).toHaveLength(1);
    expect(one[0]![1]).toBe(TRICKY_TEAM_NAME);
    expect(one[0]!.join('\n')).not.toContain('mô phỏng');
    expect(one[0]!.join('\n')).not.toContain('Xã Hòa Đồng');
  });

  it('runs a long day onto continuation pages with the table header again, each stop once', async () => {
    const plan = longDayPlan(60);
    const long = await pdfLines(await itineraryPdf(plan, { generatedAt, teamId: 11 }));
    expect(long.length).toBeGreaterThan(1);
    expect(long[1]![0]).toBe('LỊCH TRÌNH GIÁM SÁT — Đoàn 1 — Sở LĐ-TB&XH (tiếp)');
    expect(long[1]![1]).toBe('TT | Xã | Nơi | Đến | Làm việc | Di chuyển | Ghi chú');
    const rows = long.flat().filter((l) => /^\d+ \| Xã Thử /.test(l));
    expect(rows.map((l) => Number(l.split(' | ')[0]))).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(long.at(-1)!.join('\n')).toContain(`Trang ${long.length}/${long.length}`);
  });
});

/** Team 11 with one day of `count` stops. */
function longDayPlan(count: number): PlanView {
  const plan = fixturePlan();
  const communes = Array.from({ length: count }, (_, i) => ({ ...plan.communes[0]!, code: `9${String(i).padStart(4, '0')}`, name: `Xã Thử ${i + 1}` }));
  const stops = communes.map((c, i) => ({ code: c.code, order: i + 1, arrival: '08:00', start: '08:00', end: '08:10', travelMinutes: 5, distanceKm: 2, locked: false }));
  return {
    ...plan,
    communes: [...plan.communes, ...communes],
    routes: [{ ...plan.routes[0]!, day: '2026-11-26', stops }, ...plan.routes.filter((r) => r.teamId !== 11)],
  };
}
