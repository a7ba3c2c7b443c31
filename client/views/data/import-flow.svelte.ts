// The import flow's state: kind → file → options → preview (re-run on every mapping or choice
// change) → apply. Each preview sends the whole file again: the server keeps nothing between
// calls, and the fingerprint it returns ties "apply" to exactly the preview the user saw.
import { importsApi, errorText, type Ambiguity, type ApplyResult, type ImportKind, type ImportReport } from './data-api.ts';
import { bytesToBase64, canApply, fileProblem, previewInput, visibleAmbiguities, type Choices, type FileProblem, type Mapping, type PreviewForm } from './import-state.ts';

export interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

export class ImportFlow {
  kind = $state<ImportKind | null>(null);
  file = $state<ChosenFile | null>(null);
  fileProblem = $state<FileProblem | null>(null);
  reading = $state(false);
  structure = $state<PreviewForm['structure']>('');
  year = $state('');
  /** null until the user changes a column: the server then guesses from the headers. */
  mapping = $state<Mapping | null>(null);
  choices = $state<Choices>({});
  report = $state<ImportReport | null>(null);
  ambiguities = $state<Ambiguity[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  applied = $state<ApplyResult | null>(null);

  /** Answers to a superseded preview (the user changed something meanwhile) are dropped. */
  #request = 0;

  get canApply(): boolean {
    return !this.busy && canApply(this.report, this.choices);
  }

  get canPreview(): boolean {
    return this.kind !== null && this.file !== null && !this.reading;
  }

  setKind(kind: ImportKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    this.#clearPreview(); // a mapping is per kind: its fields differ
  }

  async setFile(file: File): Promise<void> {
    this.#clearPreview();
    this.file = null;
    this.fileProblem = fileProblem(file.name, file.size);
    if (this.fileProblem) return;
    this.reading = true;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      this.file = { name: file.name, size: file.size, base64: bytesToBase64(bytes) };
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.reading = false;
    }
  }

  /** Options changed: the preview shown no longer matches them. */
  optionsChanged(): void {
    this.report = null;
    this.applied = null;
  }

  async preview(): Promise<void> {
    if (!this.kind || !this.file) return;
    const request = ++this.#request;
    this.busy = true;
    this.error = null;
    this.applied = null;
    try {
      const report = await importsApi.preview.mutate(previewInput(this.#form()));
      if (request !== this.#request) return;
      this.ambiguities = visibleAmbiguities(report.ambiguous, this.ambiguities, this.choices);
      this.report = report;
    } catch (error) {
      if (request === this.#request) this.error = errorText(error);
    } finally {
      if (request === this.#request) this.busy = false;
    }
  }

  setMapping(mapping: Mapping): Promise<void> {
    this.mapping = mapping;
    return this.preview();
  }

  choose(row: number, code: string): Promise<void> {
    const next = { ...this.choices };
    if (code === '') delete next[String(row)];
    else next[String(row)] = code;
    this.choices = next;
    return this.preview();
  }

  async apply(): Promise<boolean> {
    if (!this.report || !this.canApply) return false;
    const fingerprint = this.report.fingerprint;
    this.busy = true;
    this.error = null;
    try {
      this.applied = await importsApi.commit.mutate({ ...previewInput(this.#form()), fingerprint });
      return true;
    } catch (error) {
      this.error = errorText(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Another file after a successful import: keep the kind and options, drop the rest. */
  startOver(): void {
    this.file = null;
    this.fileProblem = null;
    this.#clearPreview();
  }

  #form(): PreviewForm {
    return {
      kind: this.kind!,
      fileName: this.file!.name,
      contentBase64: this.file!.base64,
      structure: this.structure,
      year: this.year,
      mapping: this.mapping,
      choices: this.choices,
    };
  }

  #clearPreview(): void {
    this.#request++;
    this.busy = false;
    this.mapping = null;
    this.choices = {};
    this.report = null;
    this.ambiguities = [];
    this.error = null;
    this.applied = null;
  }
}
