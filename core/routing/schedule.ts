// Times along one vehicle's sequence, by walking it stop by stop: O(n), used wherever the
// O(1) slack test of insertion.ts does not apply (several shifts, a working-time cap), to
// report a plan's times, and to re-check a plan a person edited.
//
// Every stop starts as early as it can. For a fixed order of stops that is never worse: waiting
// is allowed, and an overnight stay happens where the team already is, so being earlier can
// only leave more room for what follows. A stop that does not fit in the current shift (its
// window, the shift's end, the working-time cap) moves to the next shift: the team sleeps where
// it is and goes on the next morning. Each shift's working time runs from leaving for its first
// stop, just in time (no waiting at the first door), to the end of its last stop or leg.
import { type CompiledProblem, earliestStart } from './compile.ts';
import type { ViolationKind } from './model.ts';

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
  const { dur, nLoc, shiftStart, shiftEnd, service, jobLoc } = cp;
  const firstShift = cp.shiftOffset[v];
  const lastShift = cp.shiftOffset[v + 1] - 1;
  const maxWork = cp.maxWork[v];
  let s = firstShift;
  let t = shiftStart[s];
  let cur = cp.vStart[v];
  let shiftDepart = NaN; // NaN until the shift's first leg
  let feasible = true;
  if (trace) trace.departure = NaN;

  for (let k = 0; k < len; k++) {
    const j = seq[k];
    const loc = jobLoc[j];
    for (;;) {
      const travel = dur[cur * nLoc + loc];
      const arrival = t + travel;
      let start = earliestStart(cp, j, arrival);
      let done = start + service[j];
      const depart = Number.isNaN(shiftDepart) ? start - travel : shiftDepart;
      const fits = done <= shiftEnd[s] && done - depart <= maxWork;
      if (!fits && s < lastShift) {
        s++;
        t = shiftStart[s];
        shiftDepart = NaN;
        continue;
      }
      if (!fits) {
        feasible = false;
        if (!trace) return false;
        if (start === Infinity) {
          trace.violations.push({ kind: 'time-window', job: j, message: `arrives ${formatTime(arrival)}, after its last time window closes` });
          start = arrival;
          done = start + service[j];
        } else if (done > shiftEnd[s]) {
          trace.violations.push({ kind: 'shift', job: j, message: `finishes ${formatTime(done)}, after the working day ends at ${formatTime(shiftEnd[s])}` });
        } else {
          trace.violations.push({ kind: 'working-time', job: j, message: `${Math.round(done - depart)} min of work that day, over the limit of ${maxWork}` });
        }
      }
      if (trace) {
        trace.shift.push(s - firstShift);
        trace.arrival.push(arrival);
        trace.start.push(start);
        if (Number.isNaN(trace.departure)) trace.departure = start - travel;
      }
      if (Number.isNaN(shiftDepart)) shiftDepart = start - travel;
      t = done;
      cur = loc;
      break;
    }
  }

  const end = cp.vEnd[v];
  for (;;) {
    const arrival = t + dur[cur * nLoc + end];
    const depart = Number.isNaN(shiftDepart) ? t : shiftDepart;
    const fits = arrival <= shiftEnd[s] && arrival - depart <= maxWork;
    if (!fits && s < lastShift) {
      s++;
      t = shiftStart[s];
      shiftDepart = NaN;
      continue;
    }
    if (!fits) {
      feasible = false;
      if (!trace) return false;
      const kind = arrival > shiftEnd[s] ? 'shift' : 'working-time';
      trace.violations.push({
        kind,
        job: -1,
        message: kind === 'shift'
          ? `gets back ${formatTime(arrival)}, after the working day ends at ${formatTime(shiftEnd[s])}`
          : `${Math.round(arrival - depart)} min of work on the last day, over the limit of ${maxWork}`,
      });
    }
    if (trace) {
      trace.finish = arrival;
      if (Number.isNaN(trace.departure)) trace.departure = t;
    }
    return feasible;
  }
}
