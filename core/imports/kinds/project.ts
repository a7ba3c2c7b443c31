// Projects and sub-projects of QĐ 90/QĐ-TTg (DA1-DA7, TDA per DOMAIN.md) → project. Money in
// million VND (triệu đồng), by source: central budget, local budget, other.
import { foldVietnamese } from '../../text.ts';
import type { FieldDef, ImportKindDef } from '../types.ts';
import { RowReader } from './cells.ts';

export interface ProjectRecord {
  year: null;
  programmeProject: string;
  subProject: string | null;
  title: string;
  budgetCentral: number | null;
  budgetLocal: number | null;
  budgetOther: number | null;
  households: number | null;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  progressPct: number | null;
  disbursed: number | null;
  source: string | null;
}

export type ProjectStatus = 'planned' | 'in_progress' | 'completed' | 'suspended';

/** Sub-projects each project has (QĐ 90/QĐ-TTg); the others have none. */
const SUB_PROJECTS: Record<string, number> = { DA3: 2, DA4: 3, DA6: 2, DA7: 2 };

const STATUS_NAMES: Record<ProjectStatus, readonly string[]> = {
  planned: ['kế hoạch', 'chưa triển khai', 'chuẩn bị', 'dự kiến', 'planned'],
  in_progress: ['đang triển khai', 'đang thực hiện', 'đang thi công', 'in progress', 'in_progress'],
  completed: ['hoàn thành', 'đã hoàn thành', 'xong', 'completed', 'done'],
  suspended: ['tạm dừng', 'dừng', 'tạm ngưng', 'suspended'],
};
const STATUS_BY_NAME = new Map(Object.entries(STATUS_NAMES).flatMap(([key, names]) => names.map((n) => [foldVietnamese(n), key as ProjectStatus] as const)));

const f = (key: string, labelVi: string, labelEn: string, aliases: string[], required = false): FieldDef => ({ key, labelVi, labelEn, aliases, required });

export const PROJECT_FIELDS: readonly FieldDef[] = [
  f('programme_project', 'Dự án', 'Programme project', ['mã dự án', 'dự án thành phần', 'da', 'project code', 'project'], true),
  f('sub_project', 'Tiểu dự án', 'Sub-project', ['mã tiểu dự án', 'tda', 'sub project', 'sub-project']),
  f('title', 'Tên dự án', 'Title', ['tên công trình', 'nội dung', 'tên dự án công trình', 'title', 'name of project'], true),
  f('budget_central', 'Vốn ngân sách trung ương (triệu đồng)', 'Central budget (million VND)', ['vốn trung ương', 'ngân sách trung ương', 'nstw', 'central budget']),
  f('budget_local', 'Vốn ngân sách địa phương (triệu đồng)', 'Local budget (million VND)', ['vốn địa phương', 'ngân sách địa phương', 'nsđp', 'local budget']),
  f('budget_other', 'Vốn khác (triệu đồng)', 'Other funds (million VND)', ['vốn huy động khác', 'vốn huy động', 'nguồn khác', 'other budget', 'other funds']),
  f('households', 'Số hộ hưởng lợi', 'Beneficiary households', ['hộ hưởng lợi', 'số hộ', 'households', 'beneficiaries']),
  f('start_date', 'Ngày bắt đầu', 'Start date', ['ngày khởi công', 'thời gian bắt đầu', 'start date', 'start']),
  f('end_date', 'Ngày kết thúc', 'End date', ['ngày hoàn thành', 'thời gian kết thúc', 'end date', 'end']),
  f('status', 'Trạng thái', 'Status', ['tình trạng', 'tình hình thực hiện', 'status'], true),
  f('progress_pct', 'Tiến độ (%)', 'Progress (%)', ['tiến độ', 'khối lượng hoàn thành', 'progress']),
  f('disbursed', 'Giải ngân (triệu đồng)', 'Disbursed (million VND)', ['đã giải ngân', 'giải ngân', 'vốn đã giải ngân', 'disbursed', 'disbursement']),
  f('source', 'Nguồn', 'Source', ['căn cứ', 'quyết định', 'source']),
];

/** "DA3", "DA 3", "Dự án 3", "3" → "DA3"; a combined "DA3-TDA1" also gives the sub-project. */
export function readProjectCode(text: string): { project: string; sub: string | null } | null {
  const folded = foldVietnamese(text).replace(/\s+/g, '');
  const m = /^(?:da|duan)?([1-7])(?:(?:tda|tieuduan)([1-3]))?$/.exec(folded);
  return m ? { project: `DA${m[1]}`, sub: m[2] ? `TDA${m[2]}` : null } : null;
}

export const projectKind: ImportKindDef<ProjectRecord> = {
  kind: 'project',
  sheetNames: ['du an', 'danh muc du an', 'project', 'projects'],
  fields: PROJECT_FIELDS,
  validate(cells) {
    const r = new RowReader(cells);
    const codeText = r.text('programme_project', true);
    const code = codeText === null ? null : readProjectCode(codeText);
    if (codeText !== null && code === null) r.fail('programme_project', 'unknown_value', `Mã dự án «${codeText}» không có (DA1 đến DA7)`);
    let sub = code?.sub ?? null;
    const subText = r.text('sub_project');
    if (subText !== null) {
      const m = /^(?:tda|tieuduan)?([1-3])$/.exec(foldVietnamese(subText).replace(/\s+/g, ''));
      if (m) sub = `TDA${m[1]}`;
      else r.fail('sub_project', 'unknown_value', `Tiểu dự án «${subText}» không có (TDA1 đến TDA3)`);
    }
    if (code && sub !== null && Number(sub.slice(3)) > (SUB_PROJECTS[code.project] ?? 0)) {
      r.fail('sub_project', 'unknown_value', `${code.project} không có ${sub} (QĐ 90/QĐ-TTg)`);
    }
    const title = r.text('title', true);
    const money = (key: string) => {
      const v = r.number(key);
      return v !== null && v < 0 ? r.fail(key, 'out_of_range', `Số tiền không được âm (${v})`) : v;
    };
    const budgetCentral = money('budget_central');
    const budgetLocal = money('budget_local');
    const budgetOther = money('budget_other');
    const disbursed = money('disbursed');
    const households = r.count('households');
    const startDate = r.date('start_date');
    const endDate = r.date('end_date');
    if (startDate && endDate && endDate < startDate) r.fail('end_date', 'out_of_range', 'Ngày kết thúc trước ngày bắt đầu');
    const statusText = r.text('status', true);
    const status = statusText === null ? null : (STATUS_BY_NAME.get(foldVietnamese(statusText)) ?? null);
    if (statusText !== null && status === null) r.fail('status', 'unknown_value', `Trạng thái «${statusText}» không có (Kế hoạch, Đang triển khai, Hoàn thành, Tạm dừng)`);
    const progressPct = r.number('progress_pct', false, true);
    if (progressPct !== null && (progressPct < 0 || progressPct > 100)) r.fail('progress_pct', 'out_of_range', `Tiến độ phải từ 0 đến 100% (${progressPct})`);
    const budget = (budgetCentral ?? 0) + (budgetLocal ?? 0) + (budgetOther ?? 0);
    if (disbursed !== null && budget > 0 && disbursed > budget + 1e-6) r.fail('disbursed', 'out_of_range', `Giải ngân (${disbursed}) lớn hơn tổng vốn (${budget}) triệu đồng`);
    if (r.errors.length > 0 || !code || title === null || status === null) return { ok: false, errors: r.errors };
    return {
      ok: true,
      record: { year: null, programmeProject: code.project, subProject: sub, title, budgetCentral, budgetLocal, budgetOther, households, startDate, endDate, status, progressPct, disbursed, source: r.text('source') },
    };
  },
  duplicateKey: (record, unitCode) => `${unitCode}|${record.programmeProject}|${record.subProject ?? ''}|${foldVietnamese(record.title)}`,
};
