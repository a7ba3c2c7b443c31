// The boundary upload's state: the chosen file (as base64), the server's check of it
// (boundaries.preview) and the write (boundaries.commit, refused unless the check is clean).
import { trpc } from '../../lib/trpc.ts';
import { bytesToBase64, MAX_FILE_BYTES } from './import-state.ts';
import { errorText } from './data-api.ts';

export type BoundaryReport = Awaited<ReturnType<typeof trpc.boundaries.preview.mutate>>;
export type BoundaryResult = Awaited<ReturnType<typeof trpc.boundaries.commit.mutate>>;

export class BoundaryFlow {
  file = $state<{ name: string; base64: string } | null>(null);
  report = $state<BoundaryReport | null>(null);
  result = $state<BoundaryResult | null>(null);
  problem = $state<string | null>(null);
  busy = $state(false);

  get canCommit(): boolean {
    return !this.busy && this.report !== null && this.report.errors.length === 0 && this.report.accepted > 0;
  }

  async choose(file: File, tooBig: string): Promise<void> {
    this.report = null;
    this.result = null;
    this.problem = null;
    if (file.size > MAX_FILE_BYTES) {
      this.file = null;
      this.problem = tooBig;
      return;
    }
    this.file = { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
    await this.check();
  }

  async check(): Promise<void> {
    if (!this.file) return;
    await this.run(async () => {
      this.report = await trpc.boundaries.preview.mutate({ fileName: this.file!.name, contentBase64: this.file!.base64 });
    });
  }

  async commit(): Promise<void> {
    if (!this.file || !this.report || !this.canCommit) return;
    const { fingerprint } = this.report;
    await this.run(async () => {
      this.result = await trpc.boundaries.commit.mutate({ fileName: this.file!.name, contentBase64: this.file!.base64, fingerprint });
      this.report = null;
      this.file = null;
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.problem = null;
    try {
      await work();
    } catch (error) {
      this.problem = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}
