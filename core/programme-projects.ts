// The component projects of the national target programme for sustainable poverty reduction
// 2021-2025 (QĐ 90/QĐ-TTg, 18/01/2022): dự án DA1-DA7 and their tiểu dự án, with the names the
// decision gives them (shared/DOMAIN.md). `project.programme_project` / `sub_project` hold the codes.

export interface ProgrammeProject {
  code: string;
  nameVi: string;
  /** Tiểu dự án by code ('TDA1'…), when the project has any. */
  subProjects: Readonly<Record<string, string>>;
}

export const PROGRAMME_PROJECTS: readonly ProgrammeProject[] = [
  {
    code: 'DA1',
    nameVi: 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
    subProjects: {},
  },
  { code: 'DA2', nameVi: 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', subProjects: {} },
  { code: 'DA3', nameVi: 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng', subProjects: { TDA1: 'Sản xuất nông nghiệp', TDA2: 'Cải thiện dinh dưỡng' } },
  {
    code: 'DA4',
    nameVi: 'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
    subProjects: { TDA1: 'Giáo dục nghề nghiệp', TDA2: 'Đi làm việc ở nước ngoài theo hợp đồng', TDA3: 'Việc làm bền vững' },
  },
  { code: 'DA5', nameVi: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo', subProjects: {} },
  { code: 'DA6', nameVi: 'Truyền thông và giảm nghèo về thông tin', subProjects: { TDA1: 'Giảm nghèo về thông tin', TDA2: 'Truyền thông về giảm nghèo đa chiều' } },
  { code: 'DA7', nameVi: 'Nâng cao năng lực và giám sát, đánh giá Chương trình', subProjects: { TDA1: 'Nâng cao năng lực', TDA2: 'Giám sát, đánh giá' } },
];

/** "DA3 Hỗ trợ phát triển sản xuất, …", or the bare code when the catalogue does not know it. */
export function programmeProjectName(code: string): string {
  const project = PROGRAMME_PROJECTS.find((p) => p.code === code);
  return project ? `${project.code} ${project.nameVi}` : code;
}

export function subProjectName(projectCode: string, subCode: string | null): string | null {
  if (subCode === null) return null;
  const name = PROGRAMME_PROJECTS.find((p) => p.code === projectCode)?.subProjects[subCode];
  return name ? `${subCode} ${name}` : subCode;
}
