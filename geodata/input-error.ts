// Errors about the pipeline's inputs. Every message names the file (and the line or feature
// when there is one), so a broken download or a hand-edited list is found without a debugger.

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputError';
  }
}

/** A structural check on parsed JSON: `path` is where in the document, e.g. "[3].Wards[12].Code". */
export function fail(file: string, path: string, expected: string): never {
  throw new InputError(file, `${path || 'top level'}: expected ${expected}`);
}

export function asArray(value: unknown, file: string, path: string): unknown[] {
  if (!Array.isArray(value)) fail(file, path, 'an array');
  return value;
}

export function asObject(value: unknown, file: string, path: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(file, path, 'an object');
  return value as Record<string, unknown>;
}

export function asString(value: unknown, file: string, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(file, path, 'a non-empty string');
  return value;
}

export function asOptionalString(value: unknown, file: string, path: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') fail(file, path, 'a string');
  return value;
}
