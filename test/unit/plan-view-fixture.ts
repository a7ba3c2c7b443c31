// A small visit plan written by hand, in the shape loadPlanView answers: two teams over two days
// in Phú Yên (pre-2025 units), one back to base every evening, one staying overnight; one
// commune left out; a team and a commune whose names carry every XML special (& < > " ').
import type { PlanCommune, PlanRoute, PlanStop, PlanTeam, PlanView } from '../../core/visit-plan/plan-view.ts';

export const TRICKY_TEAM_NAME = `Đoàn 2 "Tây & Sơn" <Hòa> 'B'`;
export const TRICKY_COMMUNE_NAME = `Xã Sơn <Thành> & "Đông" 'A'`;

const commune = (code: string, name: string, lon: number, lat: number, required = true, priority: number | null = null): PlanCommune => ({
  structure: 'pre2025', code, name, place: 'Huyện Tây Hòa, Tỉnh Phú Yên', lon, lat, required, priority, rank: null, locked: false, visitId: null,
});

const stop = (code: string, order: number, arrival: string, start: string, end: string, travelMinutes: number, distanceKm: number): PlanStop => ({
  code, order, arrival, start, end, travelMinutes, distanceKm, locked: false,
});

const settings = { dayStart: '07:30', dayEnd: '17:00', serviceMinutes: 90, availableDays: null, vehicle: 'car' as const };

export function fixturePlan(overrides: Partial<PlanView> = {}): PlanView {
  const teams: PlanTeam[] = [
    { id: 11, name: 'Đoàn 1 — Sở LĐ-TB&XH', ...settings, overnight: false, base: { kind: 'unit', structure: 'pre2025', code: '54', name: 'Tỉnh Phú Yên', lon: 109.3, lat: 13.09 } },
    { id: 12, name: TRICKY_TEAM_NAME, ...settings, vehicle: 'motorbike', overnight: true, base: { kind: 'point', label: 'UBND huyện Tây Hòa', lon: 109.2, lat: 12.95 } },
  ];
  const communes = [
    commune('22276', 'Xã Hòa Đồng', 109.18, 13.03, true, 81.5),
    commune('22279', 'Xã Hòa Mỹ Đông', 109.14, 12.98, false, 64.25),
    commune('22282', 'Xã Hòa Thịnh', 109.1, 12.99),
    commune('22240', 'Xã Sơn Thành Tây', 108.98, 12.96, true, 90),
    commune('22243', TRICKY_COMMUNE_NAME, 109.02, 12.97),
    commune('22261', 'Xã Hòa Phú', 109.22, 12.99),
    commune('22300', 'Xã Ea Chà Rang', 108.9, 13.1, false),
  ];
  const route = (teamId: number, day: string, endsAt: PlanRoute['endsAt'], stops: PlanStop[], leave: string, finish: string): PlanRoute => ({
    teamId, day, leave, finish, endsAt, stops,
    distanceKm: stops.reduce((s, x) => s + x.distanceKm, 0) + (endsAt === 'base' ? 20 : 0),
    travelMinutes: stops.reduce((s, x) => s + x.travelMinutes, 0) + (endsAt === 'base' ? 25 : 0),
    serviceMinutes: stops.length * 90,
    totalMinutes: 500,
  });
  const routes = [
    // stored out of order on purpose: the files follow `order`, not the array
    route(11, '2026-11-24', 'base', [stop('22279', 2, '10:05', '10:05', '11:35', 10, 7.5), stop('22276', 1, '08:05', '08:05', '09:35', 35, 1234.56)], '07:30', '12:00'),
    route(11, '2026-11-25', 'base', [stop('22282', 1, '08:00', '08:00', '09:30', 30, 25)], '07:30', '10:05'),
    route(12, '2026-11-24', 'last-stop', [stop('22240', 1, '08:40', '08:40', '10:10', 70, 40.2), stop('22243', 2, '10:30', '10:30', '12:00', 20, 8)], '07:30', '12:00'),
    route(12, '2026-11-25', 'last-stop', [stop('22261', 1, '08:15', '08:15', '09:45', 45, 30)], '07:30', '09:45'),
  ];
  return {
    id: 7,
    name: 'Giám sát quý IV/2026 — Phú Yên',
    structure: 'pre2025',
    provinceCode: '54',
    provinceName: 'Tỉnh Phú Yên',
    firstDay: '2026-11-24',
    lastDay: '2026-11-25',
    status: 'draft',
    publishedAt: null,
    sourceSet: null,
    matrixSource: 'great-circle',
    author: 'Nguyễn Văn A',
    createdAt: '2026-11-20T03:00:00.000Z',
    updatedAt: '2026-11-20T03:00:00.000Z',
    teams,
    communes,
    routes,
    unassigned: [{ code: '22300', required: false, reason: 'Không đủ thời gian trong ngày' }],
    problems: [],
    totals: { stops: 6, distanceKm: 1385.26, travelMinutes: 235, unassignedRequired: 0, unassignedOptional: 1 },
    simulated: true,
    ...overrides,
  };
}
