import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The renderer's policy, the same in the Electron window and in browser mode: nothing inline,
 * nothing from elsewhere, no forms, no framing. All bank traffic happens on the privileged side.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

// A plain name per segment: no dot files, hence no `.` or `..`, no separators, no NUL, no `%`.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A file the static route may send. */
export interface StaticFile {
  path: string;
  contentType: string;
  size: number;
  isIndex: boolean;
  open(): NodeJS.ReadableStream;
}

/**
 * Finds the file a raw request path names inside `root`, or undefined (the caller answers 404).
 * Paths are judged segment by segment after percent-decoding, so `..`, `%2e%2e`, `%2f` and
 * backslashes never reach the file system; the real path must still lie inside the real root, so
 * a symlink cannot lead out either. Directories are never listed: `/` means `index.html`, any
 * other folder is not found.
 */
export async function findStaticFile(root: string, rawPath: string): Promise<StaticFile | undefined> {
  const segments = decodeSegments(rawPath);
  if (segments === undefined) return undefined;
  const isIndex = segments.length === 0;
  const wanted = isIndex ? ['index.html'] : segments;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...wanted));
    if (!real.startsWith(realRoot + sep)) return undefined;
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    return {
      path: real,
      contentType: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
      size: info.size,
      isIndex: isIndex || (wanted.length === 1 && wanted[0] === 'index.html'),
      open: () => createReadStream(real),
    };
  } catch {
    return undefined;
  }
}

function decodeSegments(rawPath: string): string[] | undefined {
  const path = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (!SEGMENT.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}
