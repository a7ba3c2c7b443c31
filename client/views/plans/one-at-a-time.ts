// One piece of work at a time on the planning screen, with its error or message. Each call of
// the plans and teams models answers with the whole plan or team list, so a second call started
// before the first returns would race it.

export interface WorkStatus<W> {
  /** What is running; null when idle. */
  busy: W | null;
  error: string | null;
  message: string | null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `body` unless something is running; false when refused or failed (`error` then says why). */
export async function runOneAtATime<W>(status: WorkStatus<W>, work: W, body: () => Promise<void>, failed: (message: string) => string): Promise<boolean> {
  if (status.busy !== null) return false;
  status.busy = work;
  status.error = null;
  status.message = null;
  try {
    await body();
    return true;
  } catch (error) {
    status.error = failed(errorMessage(error));
    return false;
  } finally {
    status.busy = null;
  }
}
