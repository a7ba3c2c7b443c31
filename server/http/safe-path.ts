// Maps a URL path below a mount point to a file inside a root folder, refusing anything that
// could leave the root: `..` segments (raw or percent-encoded), backslashes, NUL bytes, and
// absolute paths. Symlinks inside the root are not followed out of it either.
import fs from 'node:fs';
import path from 'node:path';

/** `relativeUrlPath` is the part after the mount, still percent-encoded ("communes/a%20b.fgb"). */
export function resolveInside(root: string, relativeUrlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativeUrlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;

  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, ...segments);
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;

  // A symlink planted inside the root must not point outside it.
  try {
    const real = fs.realpathSync(candidate);
    const realRoot = fs.realpathSync(resolvedRoot);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  } catch {
    // missing file: the caller answers 404
  }
  return candidate;
}
