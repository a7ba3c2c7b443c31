// Times along one vehicle's sequence, by walking it stop by stop: used wherever the O(1) slack
// test of insertion.ts does not apply (several shifts, a working-time cap), to report a plan's
// times, and to re-check a plan a person edited.
//
// The rule: every stop starts as early as it can. Waiting is allowed and an overnight stay
// happens where the team already is, so being earlier leaves more room for what follows (with a
// working-time cap, starting a day later can occasionally help; the rule stays simple so a
// planner can predict it). A stop that does not fit in the current shift (its window, the
// shift's end, the working-time cap) moves to the next shift: the team sleeps where it is and
// goes on the next morning. Each shift's working time runs from leaving for its first stop,
// just in time (no waiting at the first door), to the end of its last stop or leg.
import { type CompiledProblem, earliestStart } from './compile.ts';
import type { ViolationKind } from './model.ts';

/**
 * The walk's state, one stop at a time. The search resumes it from a stored prefix and stops
 * as soon as the state equals the old route's at the same stop (the rest is then unchanged),
 * so testing an insertion on a multi-day trip usually walks only to the end of that day.
 */
export class ScheduleWalker {
  /** Absolute shift index, time, location, and when the current shift's work began (NaN: not yet). */
  shift = 0;
  time = 0;
  at = 0;
  shiftDepart = NaN;
  /** Of the last visit or return tried. */
  arrival = 0;
  start = 0;
  private lastShift = 0;
  private maxWork = Infinity;
  private v = 0;

  constructor(private readonly cp: CompiledProblem) {}

  begin(v: number): void {
    const cp = this.cp;
    this.v = v;
    this.shift = cp.shiftOffset[v];
    this.lastShift = cp.shiftOffset[v + 1] - 1;
    this.maxWork = cp.maxWork[v];
    this.time = cp.shiftStart[this.shift];
    this.at = cp.vStart[v];
    this.shiftDepart = NaN;
  }

  resume(shift: number, time: number, at: number, shiftDepart: number): void {
    this.shift = shift;
    this.time = time;
    this.at = at;
    this.shiftDepart = shiftDepart;
  }

  /** Serves job j as early as the shifts allow; false when no remaining shift can take it. */
  visit(j: number): boolean {
    const cp = this.cp;
    const loc = cp.jobLoc[j];
    for (;;) {
      const travel = cp.dur[this.at * cp.nLoc + loc];
      const arrival = this.time + travel;
      const start = earliestStart(cp, j, arrival);
      const done = start + cp.service[j];
      const depart = Number.isNaN(this.shiftDepart) ? start - travel : this.shiftDepart;
      this.arrival = arrival;
      this.start = start;
      if (done <= cp.shiftEnd[this.shift] && done - depart <= this.maxWork) {
        this.time = done;
        this.at = loc;
        this.shiftDepart = depart;
        return true;
      }
      if (this.shift >= this.lastShift) return false;
      this.nextShift();
    }
  }

  /** After a failed visit (reports only): serve j anyway, late, in the last shift tried. */
  forceVisit(j: number): void {
    const cp = this.cp;
    if (this.start === Infinity) this.start = this.arrival;
    if (Number.isNaN(this.shiftDepart)) this.shiftDepart = this.start - cp.dur[this.at * cp.nLoc + cp.jobLoc[j]];
    this.time = this.start + cp.service[j];
    this.at = cp.jobLoc[j];
  }

  /** Travels to the vehicle's end (no leg for an open route); false when no shift has room. */
  finish(): boolean {
    const cp = this.cp;
    const end = cp.vEnd[this.v];
    for (;;) {
      const arrival = this.time + cp.dur[this.at * cp.nLoc + end];
      const depart = Number.isNaN(this.shiftDepart) ? this.time : this.shiftDepart;
      this.arrival = arrival;
      if (arrival <= cp.shiftEnd[this.shift] && arrival - depart <= this.maxWork) return true;
      if (this.shift >= this.lastShift) return false;
      this.nextShift();
    }
  }

  /** Limits of the current shift, for messages. */
  shiftEnds(): number {
    return this.cp.shiftEnd[this.shift];
  }

  workLimit(): number {
    return this.maxWork;
  }

  private nextShift(): void {
    this.shift++;
    this.time = this.cp.shiftStart[this.shift];
    this.shiftDepart = NaN;
  }
}

/** Filled by a traced walk; a walk without a trace stops at the first broken constraint. */
export class ScheduleTrace {
  shift: number[] = [];
  arrival: number[] = [];
  start: number[] = [];
  departure = 0;
  /** At `end` (or at the last stop's end for an open route). */
  finish = 0;
  violations: { kind: ViolationKind; job: number; message: string }[] = [];
}

export function formatTime(t: number): string {
  if (!Number.isFinite(t)) return String(t);
  const day = Math.floor(t / 1440);
  const m = Math.round(t - day * 1440);
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `day ${day} ${hh}:${mm}`;
}

/** True when vehicle v can serve seq[0..len) in that order within every constraint of time. */
export function walkSchedule(cp: CompiledProblem, v: number, seq: ArrayLike<number>, len: number, trace: ScheduleTrace | null): boolean {
  const w = new ScheduleWalker(cp);
  w.begin(v);
  const firstShift = w.shift;
  let feasible = true;
  let departure = NaN;
  for (let k = 0; k < len; k++) {
    const j = seq[k];
    if (!w.visit(j)) {
      feasible = false;
      if (!trace) return false;
      const done = (w.start === Infinity ? w.arrival : w.start) + cp.service[j];
      if (w.start === Infinity) {
        trace.violations.push({ kind: 'time-window', job: j, message: `arrives ${formatTime(w.arrival)}, after its last time window closes` });
      } else if (done > w.shiftEnds()) {
        trace.violations.push({ kind: 'shift', job: j, message: `finishes ${formatTime(done)}, after the working day ends at ${formatTime(w.shiftEnds())}` });
      } else {
        trace.violations.push({ kind: 'working-time', job: j, message: `too much work that day for the limit of ${w.workLimit()} min` });
      }
      w.forceVisit(j);
    }
    if (trace) {
      trace.shift.push(w.shift - firstShift);
      trace.arrival.push(w.arrival);
      trace.start.push(w.start);
      if (Number.isNaN(departure)) departure = w.shiftDepart;
    }
  }
  const back = w.finish();
  if (!back) {
    feasible = false;
    if (!trace) return false;
    const late = w.arrival > w.shiftEnds();
    trace.violations.push({
      kind: late ? 'shift' : 'working-time',
      job: -1,
      message: late
        ? `gets back ${formatTime(w.arrival)}, after the working day ends at ${formatTime(w.shiftEnds())}`
        : `too much work on the last day for the limit of ${w.workLimit()} min`,
    });
  }
  if (trace) {
    trace.finish = w.arrival;
    trace.departure = Number.isNaN(departure) ? w.time : departure;
  }
  return feasible;
}
