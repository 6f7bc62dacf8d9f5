/** Whether no '/' is followed by another '/' or a '.', so there is nothing to resolve. */
function isNormal(path: string): boolean {
  for (let i = path.indexOf('/'); i >= 0 && i < path.length - 1; i = path.indexOf('/', i + 1)) {
    const next = path.charCodeAt(i + 1);
    if (next === 0x2f || next === 0x2e) return false;
  }
  return true;
}

/**
 * Resolves `.` and `..` segments and collapses runs of slashes in an unescaped path, keeping
 * a trailing slash where a directory is meant: `/foo/.././bar//` → `/bar/`, `/blah/..` → `/`.
 */
export function normalizePath(path: string): string {
  if (path.charCodeAt(0) !== 0x2f) path = '/' + path;
  if (isNormal(path)) return path;

  const segments: string[] = [];
  let endsWithSlash = false;
  let start = 1;
  for (let i = 1; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 0x2f) continue;
    const segment = path.slice(start, i);
    if (segment === '..') {
      segments.pop();
      endsWithSlash = true;
    } else if (segment === '' || segment === '.') {
      endsWithSlash = true;
    } else {
      segments.push(segment);
      endsWithSlash = false;
    }
    start = i + 1;
  }
  if (segments.length === 0) return '/';
  return '/' + segments.join('/') + (endsWithSlash ? '/' : '');
}
