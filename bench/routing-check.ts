// An independent check of a benchmark answer: it reads the instance file with its own small
// reader (nothing from core/routing), recomputes the cost from the coordinates under the
// family's distance convention, and tests every constraint — each customer exactly once, no
// depot inside a route, capacity, time windows with service times and the depot's closing
// time, the route-length limit (CMT) and the fleet size when the file fixes one. If the solver
// and this file ever disagree, one of them is wrong; neither is trusted by construction.
import { readFileSync } from 'node:fs';

export interface CheckedAnswer {
  cost: number;
  /** Every constraint holds. */
  feasible: boolean;
  /** The claimed cost equals the recomputed one (relative 1e-9). */
  costAgrees: boolean;
  routeCount: number;
  problems: string[];
}

interface Instance {
  kind: 'tsp' | 'cvrp' | 'vrptw';
  rounding: 'nint' | 'real';
  ids: number[];
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
  depotId: number;
  capacity: number;
  fleet: number;
  maxLength: number;
}

function readInstance(file: string): Instance {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const inst: Instance = {
    kind: 'tsp', rounding: 'nint', ids: [], x: [], y: [], demand: [], ready: [], due: [], service: [],
    depotId: NaN, capacity: Infinity, fleet: Infinity, maxLength: Infinity,
  };
  if (file.endsWith('.txt')) {
    inst.kind = 'vrptw';
    inst.rounding = 'real';
    const v = lines.findIndex((l) => l.toUpperCase() === 'VEHICLE');
    const [fleet, capacity] = lines[v + 2].split(/\s+/).map(Number);
    inst.fleet = fleet;
    inst.capacity = capacity;
    const c = lines.findIndex((l) => l.toUpperCase() === 'CUSTOMER');
    for (const l of lines.slice(c + 2)) {
      const [id, x, y, q, r, d, s] = l.split(/\s+/).map(Number);
      inst.ids.push(id); inst.x.push(x); inst.y.push(y); inst.demand.push(q);
      inst.ready.push(r); inst.due.push(d); inst.service.push(s);
    }
    inst.depotId = inst.ids[0];
    return inst;
  }
  let section = '';
  let serviceTime = 0;
  const demandById = new Map<number, number>();
  for (const l of lines) {
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(l);
    if (kv) {
      const [, key, value] = kv;
      if (key === 'TYPE') inst.kind = value.trim() === 'CVRP' ? 'cvrp' : 'tsp';
      if (key === 'CAPACITY') inst.capacity = Number(value);
      if (key === 'VEHICLES') inst.fleet = Number(value);
      if (key === 'DISTANCE') { inst.maxLength = Number(value); inst.rounding = 'real'; }
      if (key === 'SERVICE_TIME') { serviceTime = Number(value); inst.rounding = 'real'; }
      if (key === 'EDGE_WEIGHT_TYPE' && value.trim() !== 'EUC_2D') throw new Error(`checker reads EUC_2D only, not ${value}`);
      continue;
    }
    if (l.endsWith('_SECTION')) { section = l; continue; }
    if (l === 'EOF') continue;
    const f = l.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') { inst.ids.push(f[0]); inst.x.push(f[1]); inst.y.push(f[2]); }
    if (section === 'DEMAND_SECTION') demandById.set(f[0], f[1]);
    if (section === 'DEPOT_SECTION' && f[0] !== -1) inst.depotId = f[0];
  }
  for (const id of inst.ids) {
    inst.demand.push(demandById.get(id) ?? 0);
    inst.ready.push(0); inst.due.push(Infinity);
    inst.service.push(id === inst.depotId ? 0 : serviceTime);
  }
  if (inst.kind === 'tsp') inst.depotId = inst.ids[0];
  return inst;
}

/** Checks `routes` (file ids, depot excluded; TSP: one route of every node) and their claimed cost. */
export function checkAnswer(file: string, routes: number[][], claimedCost: number): CheckedAnswer {
  const inst = readInstance(file);
  const at = new Map(inst.ids.map((id, i) => [id, i]));
  const depot = at.get(inst.depotId)!;
  const problems: string[] = [];
  const edge = (a: number, b: number) => {
    const r = Math.hypot(inst.x[a] - inst.x[b], inst.y[a] - inst.y[b]);
    return inst.rounding === 'nint' ? Math.floor(r + 0.5) : r;
  };
  const seen = new Map<number, number>();
  let cost = 0;

  if (inst.kind === 'tsp') {
    if (routes.length !== 1) problems.push(`a TSP answer has one route, not ${routes.length}`);
    const tour = routes.flat();
    for (const id of tour) seen.set(id, (seen.get(id) ?? 0) + 1);
    for (let k = 0; k < tour.length; k++) {
      const a = at.get(tour[k]);
      const b = at.get(tour[(k + 1) % tour.length]);
      if (a === undefined || b === undefined) { problems.push(`unknown node ${tour[k]}`); continue; }
      cost += edge(a, b);
    }
    for (const id of inst.ids) if (seen.get(id) !== 1) problems.push(`node ${id} visited ${seen.get(id) ?? 0} times`);
  } else {
    routes.forEach((route, r) => {
      let prev = depot;
      let t = inst.ready[depot];
      let load = 0;
      let length = 0;
      for (const id of route) {
        const i = at.get(id);
        if (i === undefined) { problems.push(`route ${r + 1}: unknown customer ${id}`); continue; }
        if (i === depot) { problems.push(`route ${r + 1}: the depot is inside the route`); continue; }
        seen.set(id, (seen.get(id) ?? 0) + 1);
        const d = edge(prev, i);
        cost += d;
        length += d + inst.service[i];
        load += inst.demand[i];
        const start = Math.max(t + d, inst.ready[i]);
        if (start > inst.due[i] + 1e-6) problems.push(`route ${r + 1}: customer ${id} starts at ${start.toFixed(2)}, due ${inst.due[i]}`);
        t = start + inst.service[i];
        prev = i;
      }
      if (route.length === 0) problems.push(`route ${r + 1} is empty`);
      const back = edge(prev, depot);
      cost += back;
      length += back;
      if (t + back > inst.due[depot] + 1e-6) problems.push(`route ${r + 1}: back at the depot at ${(t + back).toFixed(2)}, closes ${inst.due[depot]}`);
      if (load > inst.capacity) problems.push(`route ${r + 1}: load ${load} over capacity ${inst.capacity}`);
      if (length > inst.maxLength + 1e-6) problems.push(`route ${r + 1}: length ${length.toFixed(2)} over the limit ${inst.maxLength}`);
    });
    if (routes.length > inst.fleet) problems.push(`${routes.length} routes, the fleet has ${inst.fleet}`);
    for (const id of inst.ids) {
      if (id === inst.depotId) continue;
      if (seen.get(id) !== 1) problems.push(`customer ${id} visited ${seen.get(id) ?? 0} times`);
    }
  }
  const costAgrees = Math.abs(cost - claimedCost) <= 1e-9 * Math.max(1, cost);
  const feasible = problems.length === 0;
  if (!costAgrees) problems.push(`claimed cost ${claimedCost}, recomputed ${cost}`);
  return { cost, feasible, costAgrees, routeCount: routes.length, problems };
}
