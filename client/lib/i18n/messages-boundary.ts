// Strings of the boundary upload on the Dữ liệu page (see messages.ts for the conventions).

export const boundaryVi = {
  'boundary.tab': 'Ranh giới xã cũ',
  'boundary.intro':
    'Xã trước 2025 không có ranh giới công khai nên bản đồ vẽ mỗi xã là một điểm. Tỉnh có ranh giới xã của mình (GeoJSON, Shapefile nén .zip, FlatGeobuf) thì tải lên đây: xã được khớp theo mã, kiểm tra như dữ liệu gốc, rồi vẽ thành vùng thay cho điểm.',
  'boundary.file': 'Tệp ranh giới (.geojson, .json, .zip, .fgb)',
  'boundary.preview': 'Kiểm tra',
  'boundary.summary': '{features} đối tượng: {accepted} xã hợp lệ, {errors} lỗi',
  'boundary.errors': 'Lỗi',
  'boundary.feature': 'Đối tượng',
  'boundary.code': 'Mã',
  'boundary.message': 'Lỗi',
  'boundary.units': 'Xã sẽ có ranh giới',
  'boundary.commit': 'Ghi {count} ranh giới',
  'boundary.blocked': 'Sửa hết lỗi trong tệp rồi kiểm tra lại.',
  'boundary.done': 'Đã ghi lần nhập số {batch}: {inserted} mới, {replaced} thay thế. Hoàn tác ở mục Lịch sử nhập.',
  'boundary.tooBig': 'Tệp quá 10 MB.',
  'boundary.working': 'Đang xử lý…',
} as const;

export const boundaryEn: Record<keyof typeof boundaryVi, string> = {
  'boundary.tab': 'Old commune boundaries',
  'boundary.intro':
    'Communes before 2025 have no public boundaries, so the map draws each as a point. A province holding its communes’ boundaries (GeoJSON, zipped Shapefile, FlatGeobuf) uploads them here: communes are matched by code, checked like the source data, then drawn as areas instead of points.',
  'boundary.file': 'Boundary file (.geojson, .json, .zip, .fgb)',
  'boundary.preview': 'Check',
  'boundary.summary': '{features} features: {accepted} communes valid, {errors} errors',
  'boundary.errors': 'Errors',
  'boundary.feature': 'Feature',
  'boundary.code': 'Code',
  'boundary.message': 'Problem',
  'boundary.units': 'Communes that will get a boundary',
  'boundary.commit': 'Write {count} boundaries',
  'boundary.blocked': 'Fix every error in the file, then check again.',
  'boundary.done': 'Written as import {batch}: {inserted} new, {replaced} replaced. Undo it under Import history.',
  'boundary.tooBig': 'The file is over 10 MB.',
  'boundary.working': 'Working…',
};
