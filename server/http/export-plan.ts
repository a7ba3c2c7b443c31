// GET /export/plan-itinerary.pdf | plan-routes.gpx | plan-routes.kml ?planId=N[&teamId=M]: a visit
// plan as a printable itinerary or as route files, for the whole plan or one of its teams.
// Same gate as plans.get: a session (401, checked by serveExport), the plan's province within the
// caller's data scope (403, server/plans/plan-access.ts), then 404 for an unknown plan or a team
// the plan does not have. Like every other export, a download changes nothing and is not written
// to the audit log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { planToGpx } from '../../core/visit-plan/gpx.ts';
import { planToKml } from '../../core/visit-plan/kml.ts';
import type { PlanView } from '../../core/visit-plan/plan-view.ts';
import type { Context } from '../context.ts';
import { contentDisposition } from '../exports/filename.ts';
import { itineraryPdf } from '../plans/itinerary-pdf.ts';
import { planInScope } from '../plans/plan-access.ts';
import { planFileName, type PlanFileKind } from '../plans/plan-file-names.ts';
import { loadPlanView } from '../plans/plan-view.ts';
import { ScopeGuard } from '../scope/request-scope.ts';
import { bad, refuse } from './export-request.ts';
import { sendText } from './respond.ts';

interface PlanFile {
  kind: PlanFileKind;
  extension: string;
  contentType: string;
  render(plan: PlanView, teamId: number | undefined, now: Date): Promise<Uint8Array>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const PLAN_FILES: Record<string, PlanFile> = {
  '/export/plan-itinerary.pdf': {
    kind: 'itinerary',
    extension: 'pdf',
    contentType: 'application/pdf',
    render: (plan, teamId, now) => itineraryPdf(plan, { teamId, generatedAt: now }),
  },
  '/export/plan-routes.gpx': {
    kind: 'routes',
    extension: 'gpx',
    contentType: 'application/gpx+xml',
    render: async (plan, teamId) => utf8(planToGpx(plan, { teamId })),
  },
  '/export/plan-routes.kml': {
    kind: 'routes',
    extension: 'kml',
    contentType: 'application/vnd.google-earth.kml+xml',
    render: async (plan, teamId) => utf8(planToKml(plan, { teamId })),
  },
};

export const isPlanFile = (pathname: string) => Object.hasOwn(PLAN_FILES, pathname);

export async function servePlanFile(req: IncomingMessage, res: ServerResponse, ctx: Context, pathname: string): Promise<void> {
  const file = PLAN_FILES[pathname]!;
  const params = planParams(req.url ?? '');
  if (typeof params === 'string') return bad(res, params);

  try {
    await planInScope(ctx.db, new ScopeGuard(ctx.db, ctx.loadScope), params.planId);
  } catch (error) {
    return refuse(res, error);
  }
  const plan = await loadPlanView(ctx.db, params.planId);
  if (!plan) return sendText(res, 404, `Không tìm thấy kế hoạch số ${params.planId} / no such plan`);
  const team = params.teamId === undefined ? null : plan.teams.find((t) => t.id === params.teamId);
  if (team === undefined) return sendText(res, 404, `Kế hoạch không có đoàn số ${params.teamId} / the plan has no such team`);

  const body = await file.render(plan, params.teamId, ctx.clock());
  const name = planFileName(file.kind, file.extension, plan.name, team?.name ?? null);
  res.statusCode = 200;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(name));
  res.setHeader('Content-Length', String(body.byteLength));
  // a plan changes with every move of a stop, and it is the caller's to see: never cached
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(req.method === 'HEAD' ? undefined : body);
}

const ID = /^[1-9]\d{0,9}$/;

/** planId (required) and teamId (optional), each a positive whole number given once; nothing else. */
function planParams(url: string): { planId: number; teamId?: number } | string {
  const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const seen = new Map<string, string>();
  for (const [key, value] of search) {
    if (key !== 'planId' && key !== 'teamId') return `${key}: tham số không dùng ở đây (chỉ planId, teamId) / unknown parameter`;
    if (seen.has(key)) return `${key}: chỉ được cho một lần / given more than once`;
    if (!ID.test(value) || Number(value) > 2_147_483_647) return `${key}: cần một số nguyên dương / must be a positive whole number`;
    seen.set(key, value);
  }
  const planId = seen.get('planId');
  if (planId === undefined) return 'planId: cần cho biết kế hoạch nào / required';
  const teamId = seen.get('teamId');
  return { planId: Number(planId), ...(teamId === undefined ? {} : { teamId: Number(teamId) }) };
}
