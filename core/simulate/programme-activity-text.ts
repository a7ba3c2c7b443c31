// Vietnamese text of the simulated programme activity: project titles, people's names, and the
// findings and follow-ups of a supervision visit (the topics TT 10/2022 has a visit check). Short
// sentences in the register of commune and provincial reports (seeds 002 and 004 are the models:
// "các xã chủ yếu đang khảo sát, đăng ký để xây dựng dự án", "chưa bố trí được nguồn lực ngân
// sách địa phương"). Pure data and string helpers, no randomness of their own: callers pick.
import type { RegionKey } from '../poverty/regions.ts';

/** What a village is called where the commune lies: bản (north-west), buôn (highlands), ấp (south). */
export function hamletWord(region: RegionKey | null): string {
  if (region === 'TDMNPB') return 'bản';
  if (region === 'TN') return 'buôn';
  if (region === 'DNB' || region === 'DBSCL') return 'ấp';
  return 'thôn';
}

/** "xã Hòa Đồng", "phường 5", "thị trấn Phong Thổ", "đặc khu Lý Sơn", "huyện Cồn Cỏ". */
export function unitPhrase(type: string, name: string): string {
  return `${type.toLocaleLowerCase('vi')} ${name}`;
}

/** 1234.5 → "1.234,5" (Vietnamese: dot thousands, comma decimals), as reports print it. */
export function formatVi(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = '';
  for (let i = 0; i < whole.length; i++) grouped += (i > 0 && (whole.length - i) % 3 === 0 ? '.' : '') + whole[i];
  return `${value < 0 ? '-' : ''}${grouped}${dot < 0 ? '' : `,${fixed.slice(dot + 1)}`}`;
}

/**
 * Project titles by component ('DA1', 'DA3/TDA1', …). `{h}` is a village ("thôn 3"), `{x}` the
 * unit ("xã Hòa Đồng"). DA1's coastal list is used only for coastal communes (bãi ngang, ven biển).
 */
export const PROJECT_TITLES: Readonly<Record<string, readonly string[]>> = {
  DA1: [
    'Đường giao thông nông thôn {h}, {x}',
    'Nâng cấp đường liên thôn {x}',
    'Cầu dân sinh {h}, {x}',
    'Kênh mương nội đồng {h}, {x}',
    'Công trình nước sinh hoạt tập trung {h}, {x}',
    'Nhà văn hóa {h}, {x}',
    'Phòng học trường mầm non điểm {h}, {x}',
    'Sửa chữa, nâng cấp trạm y tế {x}',
    'Ngầm tràn qua suối {h}, {x}',
  ],
  'DA1/coastal': [
    'Kè chống sạt lở bờ biển {x}',
    'Đường ra bến cá {h}, {x}',
    'Nâng cấp chợ cá {x}',
    'Nhà tránh trú bão kết hợp nhà văn hóa {h}, {x}',
  ],
  DA2: [
    'Mô hình nuôi bò sinh sản cho hộ nghèo {x}',
    'Mô hình nuôi dê thịt {x}',
    'Mô hình trồng rau an toàn liên kết tiêu thụ {x}',
    'Mô hình nuôi gà thả vườn {x}',
    'Mô hình trồng nấm {x}',
    'Mô hình dệt thổ cẩm gắn với du lịch cộng đồng {x}',
    'Mô hình nuôi ong lấy mật {x}',
  ],
  'DA3/TDA1': [
    'Hỗ trợ giống cây trồng, vật tư phát triển sản xuất {x}',
    'Hỗ trợ bò giống cho hộ nghèo, hộ cận nghèo {x}',
    'Hỗ trợ lợn giống và thức ăn chăn nuôi {x}',
    'Hỗ trợ sản xuất lúa chất lượng cao {x}',
    'Hỗ trợ trồng cây ăn quả {x}',
  ],
  'DA3/TDA2': [
    'Cải thiện dinh dưỡng cho trẻ em dưới 5 tuổi thuộc hộ nghèo {x}',
    'Phòng chống suy dinh dưỡng thấp còi trẻ em {x}',
    'Bữa ăn học đường, bổ sung vi chất dinh dưỡng {x}',
  ],
  'DA4/TDA1': [
    'Đào tạo nghề nông nghiệp cho lao động hộ nghèo {x}',
    'Lớp đào tạo nghề may công nghiệp {x}',
    'Đào tạo nghề sửa chữa máy nông nghiệp {x}',
  ],
  'DA4/TDA2': [
    'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng {x}',
    'Bồi dưỡng kỹ năng, ngoại ngữ cho lao động đi làm việc ở nước ngoài {x}',
  ],
  'DA4/TDA3': [
    'Tư vấn, giới thiệu việc làm cho lao động hộ nghèo {x}',
    'Phiên giao dịch việc làm lưu động tại {x}',
    'Thu thập thông tin cung - cầu lao động {x}',
  ],
  DA5: [
    'Hỗ trợ xây mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo {x}',
    'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo {h}, {x}',
  ],
  'DA6/TDA1': [
    'Nâng cấp đài truyền thanh {x}',
    'Cụm loa truyền thanh thông minh {h}, {x}',
    'Hỗ trợ phương tiện nghe, xem cho hộ nghèo {x}',
  ],
  'DA6/TDA2': [
    'Đối thoại chính sách về giảm nghèo tại {h}, {x}',
    'Truyền thông về giảm nghèo đa chiều {x}',
    'Pano, áp phích tuyên truyền giảm nghèo {x}',
  ],
  'DA7/TDA1': [
    'Tập huấn nâng cao năng lực cán bộ giảm nghèo {x}',
    'Bồi dưỡng kỹ năng cho cán bộ thôn, cộng tác viên giảm nghèo {x}',
  ],
  'DA7/TDA2': [
    'Giám sát, đánh giá thực hiện Chương trình tại {x}',
    'Rà soát, cập nhật cơ sở dữ liệu hộ nghèo, hộ cận nghèo {x}',
  ],
};

export function fillTitle(template: string, hamlet: string, unit: string): string {
  return template.replace('{h}', hamlet).replace('{x}', unit);
}

// Common Vietnamese family names, roughly by frequency (weights are percentages).
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 2],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Lương', 0.4],
];
export const MIDDLE_NAMES = { male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thanh'], female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Thị Thu', 'Hồng'] } as const;
export const GIVEN_NAMES = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Thành'],
  female: ['Anh', 'Châu', 'Dung', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Thảo', 'Trang', 'Yến', 'Thủy'],
} as const;

/** A visit's findings, keyed by what TT 10/2022 has a supervision check. */
export const FINDING_TOPICS = ['planning', 'beneficiary_selection', 'procurement', 'disbursement', 'results', 'problems', 'recommendations'] as const;
export type FindingTopic = (typeof FINDING_TOPICS)[number];

export const PLANNING = [
  'UBND xã đã ban hành kế hoạch thực hiện Chương trình năm {y}, phân công cán bộ phụ trách từng dự án.',
  'Ban quản lý các CTMTQG xã đã phân công thành viên phụ trách từng thôn.',
  'Kế hoạch năm {y} của xã ban hành chậm so với hướng dẫn của cấp trên.',
  'Xã đã lồng ghép nội dung giảm nghèo vào kế hoạch phát triển kinh tế - xã hội năm {y}.',
];
export const BENEFICIARIES = [
  'Danh sách hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được niêm yết công khai tại nhà văn hóa thôn.',
  'Việc bình xét hộ hưởng lợi có họp dân, biên bản đầy đủ chữ ký.',
  'Một số hộ hưởng lợi đã thoát nghèo quá 36 tháng, chưa đúng đối tượng; đề nghị rà soát lại.',
  'Hồ sơ đề nghị hỗ trợ của hộ chưa đầy đủ, thiếu bản cam kết tham gia mô hình.',
  'Đối tượng hưởng lợi đúng quy định, ưu tiên hộ có phụ nữ, người khuyết tật.',
];
export const PROCUREMENT = [
  'Hồ sơ lựa chọn nhà thầu đầy đủ, đúng trình tự.',
  'Chưa lập báo cáo giám sát đấu thầu theo quy định.',
  'Mua giống, vật tư theo hình thức cộng đồng tự thực hiện, chứng từ đầy đủ.',
  'Giá mua vật tư một số hạng mục cao hơn giá thị trường, đề nghị giải trình.',
];
export const NO_PROCUREMENT = 'Trong kỳ xã không có gói thầu thuộc Chương trình.';
export const DISBURSEMENT_NONE = 'Xã chưa được giao vốn của Chương trình trong kỳ.';
export const DISBURSEMENT_LOW = 'Giải ngân chậm: mới đạt {pct} % vốn được giao ({disbursed}/{budget} triệu đồng).';
export const DISBURSEMENT_OK = 'Đã giải ngân {pct} % vốn được giao ({disbursed}/{budget} triệu đồng).';
export const RESULTS_RATE = 'Tỷ lệ hộ nghèo theo kết quả rà soát năm {year}: {rate} %.';
export const RESULTS = [
  'Các mô hình hỗ trợ sinh kế bước đầu phát huy hiệu quả, hộ tham gia có thu nhập tăng.',
  'Kết quả giảm nghèo ước đạt kế hoạch năm.',
  'Công trình hoàn thành đưa vào sử dụng, người dân đồng tình.',
  'Một số chỉ tiêu giảm nghèo chưa đạt kế hoạch năm.',
];
export const PROBLEMS = [
  'Cán bộ giảm nghèo cấp xã kiêm nhiệm nhiều việc, thay đổi thường xuyên.',
  'Vốn sự nghiệp giao chậm, xã chủ yếu đang khảo sát, đăng ký xây dựng dự án.',
  'Hướng dẫn quy trình, hồ sơ dự án hỗ trợ phát triển sản xuất chưa cụ thể.',
  'Chưa bố trí đủ vốn đối ứng ngân sách địa phương.',
  'Một số hộ nghèo còn tâm lý trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.',
  'Địa bàn rộng, giao thông đi lại khó khăn vào mùa mưa.',
];
export const RECOMMENDATIONS = [
  'Đẩy nhanh tiến độ giải ngân vốn được giao.',
  'Công khai danh sách hộ hưởng lợi tại thôn trước khi hỗ trợ.',
  'Hoàn thiện hồ sơ dự án, lưu trữ chứng từ theo quy định.',
  'Tăng cường kiểm tra, giám sát của Ban giám sát đầu tư cộng đồng.',
  'Đề nghị cấp trên hướng dẫn cụ thể quy trình dự án hỗ trợ phát triển sản xuất.',
];

/** Follow-up actions and who must do them, pre-2025 (with districts) and 2025 (communes only). */
export const FOLLOW_UPS = [
  'Rà soát, điều chỉnh danh sách hộ hưởng lợi',
  'Hoàn thiện hồ sơ lựa chọn nhà thầu',
  'Báo cáo tiến độ giải ngân',
  'Niêm yết công khai kết quả hỗ trợ tại thôn',
  'Bổ sung biên bản họp bình xét',
  'Báo cáo kết quả khắc phục tồn tại sau giám sát',
];
export const OWNERS = {
  pre2025: ['UBND xã', 'Công chức LĐ-TB&XH xã', 'Phòng LĐ-TB&XH huyện', 'Ban quản lý dự án huyện'],
  '2025': ['UBND xã', 'Phòng Kinh tế xã', 'Phòng Văn hóa - Xã hội xã'],
} as const;

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  let out = template;
  for (const key in values) out = out.split(`{${key}}`).join(String(values[key]));
  return out;
}
