// The printable itinerary (lịch trình giám sát) of a visit plan: A4 portrait, a new page per team
// (more when its days run on), each day a table of its stops in visiting order with arrival,
// working time, travel from the previous stop and notes, then the day's totals; the communes the
// plan left out at the end; every page numbered "Trang 1/3", dated, and marked in red when the
// plan rests on simulated data. Everything a team reads is in Vietnamese, names as written.
import { PDFDocument } from 'pdf-lib';
import { dateVi, dayVi, durationVi, kmVi, numberVi, requiredVi, vietnamLocal } from '../../core/visit-plan/itinerary-format.ts';
import { itineraryTeams, unassignedCommunes, type ItineraryDay, type ItineraryTeam } from '../../core/visit-plan/itinerary.ts';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import { A4, CONTENT_WIDTH, embedFonts, GREY, MARGIN, measure, RED, RULE, Sheet, type Column } from './pdf-sheet.ts';

export interface ItineraryPdfOptions {
  /** One team's itinerary; every team's when absent. */
  teamId?: number;
  /** When the file was made, printed in every footer. */
  generatedAt: Date;
}

export const SIMULATED_NOTICE = 'Số liệu mô phỏng — không dùng cho báo cáo chính thức';

const STOP_COLUMNS: Column[] = [
  { title: 'TT', width: 22, align: 'right' },
  { title: 'Xã', width: 96 },
  { title: 'Nơi', width: 100 },
  { title: 'Đến', width: 32 },
  { title: 'Làm việc', width: 64 },
  { title: 'Di chuyển', width: 66 },
  { title: 'Ghi chú', width: CONTENT_WIDTH - 380 },
];

const LEFT_OUT_COLUMNS: Column[] = [
  { title: 'TT', width: 22, align: 'right' },
  { title: 'Xã', width: 110 },
  { title: 'Nơi', width: 130 },
  { title: 'Ghi chú', width: 100 },
  { title: 'Lý do', width: CONTENT_WIDTH - 362 },
];

export async function itineraryPdf(plan: PlanView, options: ItineraryPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const sheet = new Sheet(doc, fonts);
  const teams = itineraryTeams(plan, options.teamId);
  for (const team of teams) teamPages(sheet, plan, team);
  const leftOut = options.teamId === undefined ? unassignedCommunes(plan) : [];
  if (leftOut.length > 0 || teams.length === 0) {
    sheet.continuation = (s) => s.text('CÁC XÃ CHƯA XẾP VÀO LỊCH TRÌNH (tiếp)', { bold: true, size: 10, after: 6 });
    sheet.newPage();
    sheet.text('CÁC XÃ CHƯA XẾP VÀO LỊCH TRÌNH', { bold: true, size: 14, after: 2 });
    sheet.text(plan.name, { size: 10, color: GREY, after: 8 });
    if (leftOut.length === 0) sheet.text('Kế hoạch chưa có đoàn nào.');
    else
      sheet.table(
        LEFT_OUT_COLUMNS,
        leftOut.map(({ commune, required, reason }, i) => [String(i + 1), commune.name, commune.place, notes(required, commune.priority), reason]),
      );
  }
  footers(sheet, plan, options.generatedAt);

  doc.setTitle(`Lịch trình giám sát — ${plan.name}`);
  doc.setSubject(`${plan.provinceName}, ${dateVi(plan.firstDay)}–${dateVi(plan.lastDay)}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('povmap');
  doc.setProducer('povmap');
  doc.setCreationDate(options.generatedAt);
  doc.setModificationDate(options.generatedAt);
  return doc.save();
}

function teamPages(sheet: Sheet, plan: PlanView, it: ItineraryTeam): void {
  const { team } = it;
  sheet.continuation = (s) => s.text(`LỊCH TRÌNH GIÁM SÁT — ${team.name} (tiếp)`, { bold: true, size: 10, after: 6 });
  sheet.newPage();
  sheet.text('LỊCH TRÌNH GIÁM SÁT', { bold: true, size: 16, after: 2 });
  sheet.text(team.name, { bold: true, size: 13, after: 6 });
  const status = plan.status === 'draft' ? ' (bản nháp)' : plan.publishedAt ? ` (đã gửi các đoàn ngày ${dateVi(vietnamLocal(plan.publishedAt).day)})` : '';
  const stops = it.days.reduce((n, d) => n + d.stops.length, 0);
  const km = it.days.reduce((n, d) => n + d.route.distanceKm, 0);
  const travel = it.days.reduce((n, d) => n + d.route.travelMinutes, 0);
  for (const line of [
    `Kế hoạch: ${plan.name}${status}`,
    `Tỉnh: ${plan.provinceName}; thời gian: ${dateVi(plan.firstDay)}–${dateVi(plan.lastDay)}`,
    // the solver starts a team without a base at the provincial seat (province-seat.ts)
    `Nơi xuất phát: ${it.base ? it.base.name : `chưa đặt; lịch tính từ trụ sở ${plan.provinceName} (ước tính)`}`,
    `Giờ làm việc: ${team.dayStart}–${team.dayEnd}; ${team.serviceMinutes} phút tại mỗi xã`,
    `Phương tiện: ${team.vehicle === 'car' ? 'ô tô' : 'xe máy'}; ${team.overnight ? 'nghỉ đêm tại xã cuối ngày' : 'về nơi xuất phát mỗi tối'}`,
    ...(team.members && team.members.length > 0
      ? [`Thành viên: ${team.members.map((m) => (m.roleInTeam ? `${m.displayName} (${m.roleInTeam})` : m.displayName)).join('; ')}`]
      : []),
    `Tổng cộng: ${stops} xã trong ${it.days.length} ngày; ${kmVi(km)}; di chuyển ${durationVi(travel)}`,
  ]) {
    sheet.text(line);
  }
  sheet.space(8);
  if (it.days.length === 0) sheet.text('Đoàn chưa được xếp ngày đi nào trong kế hoạch này.', { color: GREY });
  for (const day of it.days) dayBlock(sheet, plan, day);
}

function dayBlock(sheet: Sheet, plan: PlanView, day: ItineraryDay): void {
  const { route } = day;
  // the heading, where the day starts and the table's first rows stay together
  sheet.ensure(90);
  sheet.text(dayVi(route.day), { bold: true, size: 11, after: 1 });
  sheet.text(day.from ? `Xuất phát từ ${day.from.name} lúc ${route.leave}` : `Xuất phát lúc ${route.leave}`, { size: 9, color: GREY, after: 3 });

  const rows = day.stops.map(({ stop, commune }) => {
    const problems = plan.problems.filter((p) => p.code === commune.code && (p.day === null || p.day === route.day)).map((p) => `Lưu ý: ${p.message}`);
    return [
      String(stop.order),
      commune.name,
      commune.place,
      stop.arrival,
      `${stop.start}–${stop.end}`,
      `${durationVi(stop.travelMinutes)}\n${kmVi(stop.distanceKm)}`,
      [notes(commune.required, commune.priority), ...problems].join('; '),
    ];
  });
  const shaded = rows.map(() => false);
  if (day.backTo) {
    // the leg home is what the route's totals hold beyond its stops' legs
    const homeMinutes = route.travelMinutes - day.stops.reduce((n, s) => n + s.stop.travelMinutes, 0);
    const homeKm = route.distanceKm - day.stops.reduce((n, s) => n + s.stop.distanceKm, 0);
    rows.push(['', `Về ${day.backTo.name}`, '', route.finish, '', `${durationVi(homeMinutes)}\n${kmVi(Math.max(0, homeKm))}`, '']);
    shaded.push(true);
  }
  sheet.table(STOP_COLUMNS, rows, { shaded });

  const last = day.stops.at(-1)?.commune.name;
  const end = route.endsAt === 'base' ? 'về nơi xuất phát' : `nghỉ lại tại ${last ?? 'xã cuối'}`;
  sheet.space(3);
  sheet.text(
    `Cộng ngày: ${kmVi(route.distanceKm)}; di chuyển ${durationVi(route.travelMinutes)}; làm việc tại xã ${durationVi(route.serviceMinutes)}; đi ${route.leave} – xong ${route.finish} (${end})`,
    { bold: true, size: 9, after: 12 },
  );
}

/** "bắt buộc; điểm ưu tiên 81,5". */
function notes(required: boolean, priority: number | null): string {
  return priority === null ? requiredVi(required) : `${requiredVi(required)}; điểm ưu tiên ${numberVi(priority, 1)}`;
}

/** Drawn last, when the page count is known. */
function footers(sheet: Sheet, plan: PlanView, generatedAt: Date): void {
  const { regular, bold } = sheet.fonts;
  const local = vietnamLocal(generatedAt);
  const made = `Lập lúc ${local.time} ngày ${dateVi(local.day)} — povmap`;
  const total = sheet.pages.length;
  sheet.pages.forEach((page, i) => {
    const y = MARGIN.bottom - 30;
    page.drawLine({ start: { x: MARGIN.left, y: y + 12 }, end: { x: A4.width - MARGIN.right, y: y + 12 }, thickness: 0.5, color: RULE });
    page.drawText(made, { x: MARGIN.left, y, size: 8, font: regular, color: GREY });
    const number = `Trang ${i + 1}/${total}`;
    page.drawText(number, { x: A4.width - MARGIN.right - measure(number, regular, 8), y, size: 8, font: regular, color: GREY });
    if (plan.simulated) page.drawText(SIMULATED_NOTICE, { x: MARGIN.left, y: y - 13, size: 9, font: bold, color: RED });
  });
}
