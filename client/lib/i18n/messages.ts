// UI strings, Vietnamese first: the users are Vietnamese officials, English is for partners
// reading over their shoulder. Vietnamese is the source of the keys; English must have every key
// (the type below makes a missing translation a type error, not a blank on the projector).
//
// Place names never go through this dictionary: they are shown as the source writes them.
// Placeholders are {name}; numbers passed as values are formatted for the locale by t().

export const vi = {
  'app.title': 'Bản đồ giảm nghèo bền vững',
  'app.subtitle': 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
  'app.skipToMap': 'Chuyển tới bản đồ',
  'locale.label': 'Ngôn ngữ',
  'map.ariaLabel': 'Bản đồ các tỉnh, thành phố Việt Nam',
  'map.caption.units2025': '{count} tỉnh, thành phố · đơn vị hành chính từ {date}',
  'map.caption.unitsPre2025': '{count} tỉnh, thành phố · đơn vị hành chính trước {date}',
  'map.loading': 'Đang tải bản đồ…',
  'map.error.title': 'Không tải được bản đồ',
  'map.error.hint': 'Kiểm tra kết nối tới máy chủ rồi thử lại.',
  'map.error.retry': 'Thử lại',
  'map.resetView': 'Toàn quốc',
  'map.warning.archipelagosMissing': 'Dữ liệu ranh giới thiếu: {names}',
  'map.archipelago.hoangSa': 'Quần đảo Hoàng Sa (Đà Nẵng)',
  'map.archipelago.truongSa': 'Quần đảo Trường Sa (Khánh Hòa)',
  'map.control.zoomIn': 'Phóng to',
  'map.control.zoomOut': 'Thu nhỏ',
  'map.control.resetBearing': 'Đặt lại hướng bắc',
  'map.control.fullscreenEnter': 'Toàn màn hình',
  'map.control.fullscreenExit': 'Thoát toàn màn hình',
  'attribution.heading': 'Nguồn dữ liệu',
  'attribution.boundaries2025': 'Ranh giới từ 01/07/2025',
  'attribution.boundariesPre2025': 'Ranh giới trước 01/07/2025',
  'attribution.crosswalk': 'Bảng chuyển đổi đơn vị 2025',
  'attribution.licence': 'giấy phép',
  'auth.heading': 'Đăng nhập',
  'auth.username': 'Tên đăng nhập',
  'auth.password': 'Mật khẩu',
  'auth.submit': 'Đăng nhập',
  'auth.submitting': 'Đang đăng nhập…',
  'auth.signOut': 'Đăng xuất',
  'auth.checking': 'Đang kiểm tra phiên đăng nhập…',
  'auth.unreachable': 'Không kết nối được máy chủ. Thử lại sau.',
  'auth.demo.heading': 'Tài khoản dùng thử (chỉ ở chế độ demo)',
  'auth.demo.note': 'Chỉ dùng để trình diễn: dữ liệu dưới cấp tỉnh là mô phỏng. Không có ở bản triển khai thật.',
  'auth.demo.use': 'Dùng tài khoản này',
  'auth.account': '{name} · {role}',
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  'app.title': 'Sustainable Poverty Reduction Map',
  'app.subtitle': 'National Target Programme for Sustainable Poverty Reduction',
  'app.skipToMap': 'Skip to map',
  'locale.label': 'Language',
  'map.ariaLabel': "Map of Vietnam's provinces",
  'map.caption.units2025': '{count} provinces and cities · administrative units from {date}',
  'map.caption.unitsPre2025': '{count} provinces and cities · administrative units before {date}',
  'map.loading': 'Loading map…',
  'map.error.title': 'The map could not be loaded',
  'map.error.hint': 'Check the connection to the server and try again.',
  'map.error.retry': 'Try again',
  'map.resetView': 'Whole country',
  'map.warning.archipelagosMissing': 'Missing from the boundary data: {names}',
  'map.archipelago.hoangSa': 'Hoang Sa Archipelago (Da Nang)',
  'map.archipelago.truongSa': 'Truong Sa Archipelago (Khanh Hoa)',
  'map.control.zoomIn': 'Zoom in',
  'map.control.zoomOut': 'Zoom out',
  'map.control.resetBearing': 'Reset bearing to north',
  'map.control.fullscreenEnter': 'Full screen',
  'map.control.fullscreenExit': 'Exit full screen',
  'attribution.heading': 'Data sources',
  'attribution.boundaries2025': 'Boundaries from 1 July 2025',
  'attribution.boundariesPre2025': 'Boundaries before 1 July 2025',
  'attribution.crosswalk': '2025 unit crosswalk',
  'attribution.licence': 'licence',
  'auth.heading': 'Sign in',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Signing in…',
  'auth.signOut': 'Sign out',
  'auth.checking': 'Checking your session…',
  'auth.unreachable': 'The server cannot be reached. Try again later.',
  'auth.demo.heading': 'Demo accounts (demo mode only)',
  'auth.demo.note': 'For demonstration only: data below province level is simulated. Not present in a real deployment.',
  'auth.demo.use': 'Use this account',
  'auth.account': '{name} · {role}',
};

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const MESSAGES: Record<Locale, Messages> = { vi, en };
