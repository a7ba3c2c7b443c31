import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedBareName, toneInsensitiveKey } from '../../core/text.ts';

describe('foldVietnamese', () => {
  it('treats NFC, NFD, both tone placements and unaccented input alike', () => {
    const forms = ['Hòa Đồng', 'Hoà Đồng', 'Hòa Đồng'.normalize('NFD'), 'Hoà Đồng'.normalize('NFD'), 'hoa dong', 'HOA   DONG'];
    for (const f of forms) expect(foldVietnamese(f)).toBe('hoa dong');
  });
  it('maps đ to d and drops punctuation', () => {
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
    expect(foldVietnamese('Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
  });
});

describe('toneInsensitiveKey', () => {
  it('is equal across tone placement and Unicode form', () => {
    expect(toneInsensitiveKey('Hoà')).toBe(toneInsensitiveKey('Hòa'));
    expect(toneInsensitiveKey('Thuỷ'.normalize('NFD'))).toBe(toneInsensitiveKey('Thủy'));
  });
  it('keeps different tones and vowel qualities apart', () => {
    expect(toneInsensitiveKey('Hòa')).not.toBe(toneInsensitiveKey('Hóa'));
    expect(toneInsensitiveKey('Hòa')).not.toBe(toneInsensitiveKey('Hoa'));
    expect(toneInsensitiveKey('Đồng')).not.toBe(toneInsensitiveKey('Động'));
  });
});

describe('foldedBareName', () => {
  it('drops the administrative type word', () => {
    expect(foldedBareName('Huyện Tây Hòa')).toBe('tay hoa');
    expect(foldedBareName('Thành phố Hà Nội')).toBe('ha noi');
    expect(foldedBareName('Xã Hòa Đồng')).toBe('hoa dong');
  });
});
