// CVRPLIB (.vrp): TSPLIB syntax with CAPACITY, DEMAND_SECTION ("id demand") and DEPOT_SECTION
// (depot ids, ended by -1). The CMT family adds DISTANCE (route length limit) and SERVICE_TIME
// and, as CVRPLIB scores it, uses unrounded distances; every other family rounds each edge.
import { type BenchmarkInstance, emptyInstance, FormatError } from './instance.ts';
import { conventionOf, numberField, readCoordinates, readTsplibText } from './tsplib.ts';

export function parseCvrplib(text: string): BenchmarkInstance {
  const parsed = readTsplibText(text);
  const { header, sections } = parsed;
  const type = header.get('TYPE');
  if (type !== 'CVRP') throw new FormatError(`TYPE is ${type ?? '(missing)'}, expected CVRP`);
  const dimension = numberField(header.get('DIMENSION'), 'DIMENSION');
  if (!Number.isInteger(dimension) || dimension < 2) throw new FormatError('DIMENSION must be an integer of at least 2');
  const cmtStyle = header.has('DISTANCE') || header.has('SERVICE_TIME');
  const rounded = conventionOf(header.get('EDGE_WEIGHT_TYPE'));
  const inst = emptyInstance(header.get('NAME') ?? 'unnamed', 'cvrp', cmtStyle ? 'real' : rounded, dimension);
  readCoordinates(parsed, inst, dimension);
  inst.capacity = numberField(header.get('CAPACITY'), 'CAPACITY');
  if (!(inst.capacity > 0)) throw new FormatError('CAPACITY must be positive');
  if (header.has('DISTANCE')) inst.maxRouteLength = numberField(header.get('DISTANCE'), 'DISTANCE');
  const serviceTime = header.has('SERVICE_TIME') ? numberField(header.get('SERVICE_TIME'), 'SERVICE_TIME') : 0;
  if (header.has('VEHICLES')) inst.vehicles = numberField(header.get('VEHICLES'), 'VEHICLES');

  const index = new Map(inst.ids.map((id, i) => [id, i]));
  const demands = sections.get('DEMAND_SECTION');
  if (!demands) throw new FormatError('DEMAND_SECTION is missing');
  if (demands.length !== dimension) throw new FormatError(`DEMAND_SECTION has ${demands.length} rows, DIMENSION says ${dimension}`);
  for (const row of demands) {
    const i = index.get(Number(row[0]));
    if (i === undefined) throw new FormatError(`demand given for unknown node ${row[0]}`);
    inst.demand[i] = numberField(row[1], `demand of node ${row[0]}`);
    if (inst.demand[i] < 0) throw new FormatError(`demand of node ${row[0]} is negative`);
    if (inst.demand[i] > inst.capacity) throw new FormatError(`demand of node ${row[0]} exceeds CAPACITY`);
  }
  const depots = (sections.get('DEPOT_SECTION') ?? []).map((r) => Number(r[0])).filter((id) => id !== -1);
  if (depots.length !== 1) throw new FormatError(`DEPOT_SECTION must name exactly one depot (found ${depots.length})`);
  const depot = index.get(depots[0]);
  if (depot === undefined) throw new FormatError(`depot ${depots[0]} is not a node`);
  inst.depot = depot;
  for (let i = 0; i < dimension; i++) if (i !== depot) inst.service[i] = serviceTime;
  return inst;
}
