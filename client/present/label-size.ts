// Presented maps are read from the back of a hall: their labels are drawn larger than on the
// desk map. MapLibre allows a zoom expression only at the top of `text-size`, so the factor goes
// into each stop of the interpolation instead of wrapping it. Pure.
import type { DataDrivenPropertyValueSpecification } from 'maplibre-gl';

type TextSize = DataDrivenPropertyValueSpecification<number>;

export function scaleTextSize(size: TextSize | undefined, factor: number): TextSize | undefined {
  if (typeof size === 'number') return size * factor;
  if (!Array.isArray(size) || size[0] !== 'interpolate') return size;
  // ['interpolate', type, input, stop0, value0, stop1, value1, …]
  const scaled = [...size] as unknown[];
  for (let i = 4; i < scaled.length; i += 2) {
    if (typeof scaled[i] === 'number') scaled[i] = (scaled[i] as number) * factor;
  }
  return scaled as unknown as TextSize;
}
