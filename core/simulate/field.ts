// A smooth random surface over Vietnam: the spatially autocorrelated part of the simulated
// poverty rate. Neighbouring communes share most of their value and distant ones do not, which
// is what Moran's I measures and what real poverty maps show (mountain belts, deltas).
//
// It is a sum of random plane waves (random Fourier features of a smooth covariance): cheap to
// evaluate at 10,000 points, deterministic from the seed, no grid or matrix needed.
import { Rng } from './prng.ts';

export interface FieldOptions {
  waves: number;
  /** Shortest and longest wavelength, km: sets how far the correlation reaches. */
  minWavelengthKm: number;
  maxWavelengthKm: number;
}

export const DEFAULT_FIELD: FieldOptions = { waves: 64, minWavelengthKm: 60, maxWavelengthKm: 500 };

// Equirectangular projection about the middle of Vietnam: at these distances (< 2,000 km) the
// error is a few per cent, irrelevant for a synthetic surface.
const LON0 = 106;
const LAT0 = 16;
const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LON = 111.32 * Math.cos((LAT0 * Math.PI) / 180);

/** km east and north of (106°E, 16°N). */
export function toKm(lon: number, lat: number): [number, number] {
  return [(lon - LON0) * KM_PER_DEG_LON, (lat - LAT0) * KM_PER_DEG_LAT];
}

export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const [x1, y1] = toKm(lon1, lat1);
  const [x2, y2] = toKm(lon2, lat2);
  return Math.hypot(x1 - x2, y1 - y2);
}

/** A field with mean 0 and variance 1 over space: (lon, lat) → value. */
export function smoothField(seed: number, label: string, options: FieldOptions = DEFAULT_FIELD): (lon: number, lat: number) => number {
  const rng = new Rng(seed, 'field', label);
  const kx = new Float64Array(options.waves);
  const ky = new Float64Array(options.waves);
  const phase = new Float64Array(options.waves);
  const amp = new Float64Array(options.waves);
  const logMin = Math.log(options.minWavelengthKm);
  const logMax = Math.log(options.maxWavelengthKm);
  let power = 0;
  for (let i = 0; i < options.waves; i++) {
    const wavelength = Math.exp(rng.uniform(logMin, logMax));
    const angle = rng.uniform(0, 2 * Math.PI);
    const k = (2 * Math.PI) / wavelength;
    kx[i] = k * Math.cos(angle);
    ky[i] = k * Math.sin(angle);
    phase[i] = rng.uniform(0, 2 * Math.PI);
    // more weight on long waves: a smooth surface with some regional detail
    amp[i] = Math.sqrt(wavelength);
    power += (amp[i] * amp[i]) / 2; // variance of a·cos(uniform phase) is a²/2
  }
  const norm = 1 / Math.sqrt(power);
  return (lon, lat) => {
    const [x, y] = toKm(lon, lat);
    let sum = 0;
    for (let i = 0; i < kx.length; i++) sum += amp[i] * Math.cos(kx[i] * x + ky[i] * y + phase[i]);
    return sum * norm;
  };
}
