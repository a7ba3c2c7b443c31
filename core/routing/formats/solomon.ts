// Solomon / Gehring-Homberger VRPTW text (.txt): the name, a VEHICLE block (NUMBER CAPACITY),
// then a CUSTOMER table "no x y demand ready due service" whose first row (customer 0) is the
// depot; the depot's ready/due are the working day. Distances and travel times are unrounded
// Euclidean (the convention of the best-known distances we compare against).
import { type BenchmarkInstance, emptyInstance, FormatError } from './instance.ts';

export function parseSolomon(text: string): BenchmarkInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 6) throw new FormatError('too short for a Solomon instance');
  const name = lines[0];
  const vehicleAt = lines.findIndex((l) => /^VEHICLE$/i.test(l));
  const customerAt = lines.findIndex((l) => /^CUSTOMER$/i.test(l));
  if (vehicleAt < 0 || customerAt < 0) throw new FormatError('VEHICLE or CUSTOMER block missing');
  const fleet = lines[vehicleAt + 2]?.split(/\s+/).map(Number);
  if (!fleet || fleet.length < 2 || !fleet.every(Number.isFinite)) throw new FormatError('VEHICLE block needs "NUMBER CAPACITY"');
  const rows = lines.slice(customerAt + 2).map((l) => l.split(/\s+/).map(Number));
  rows.forEach((r, i) => {
    if (r.length !== 7 || !r.every(Number.isFinite)) throw new FormatError(`customer line ${i + 1} needs 7 numbers`);
  });
  if (rows.length < 2) throw new FormatError('no customers');
  if (rows[0][0] !== 0) throw new FormatError('the first customer row must be the depot, number 0');
  const inst = emptyInstance(name, 'vrptw', 'real', rows.length);
  inst.vehicles = fleet[0];
  inst.capacity = fleet[1];
  const seen = new Set<number>();
  rows.forEach(([no, x, y, demand, ready, due, service], i) => {
    if (seen.has(no)) throw new FormatError(`customer ${no} appears twice`);
    seen.add(no);
    if (due < ready) throw new FormatError(`customer ${no}: due date before ready time`);
    if (demand > inst.capacity) throw new FormatError(`customer ${no}: demand exceeds the capacity`);
    inst.ids.push(no);
    inst.x[i] = x;
    inst.y[i] = y;
    inst.demand[i] = demand;
    inst.ready[i] = ready;
    inst.due[i] = due;
    inst.service[i] = service;
  });
  return inst;
}
