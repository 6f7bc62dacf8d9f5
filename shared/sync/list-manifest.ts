/**
 * The manifest a list server publishes (written by scripts/build-list): the newest
 * snapshot plus the chain of deltas leading to it. Parsed defensively — it comes over the
 * network unsigned; every file it points to is signed and checked on its own.
 */
export interface FileRef {
  url: string;
  bytes: number;
  sha256: string;
}

export interface DeltaRef extends FileRef {
  from: number;
  to: number;
}

export interface ListManifest {
  version: number;
  createdAt: number;
  checksum: string;
  snapshot: FileRef;
  deltas: DeltaRef[];
  minimumWaitSeconds: number;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

type Json = Record<string, unknown>;

/**
 * The largest list file a manifest may name. A 1M-domain snapshot is ~26 MB; the client
 * reads a file only up to the size named here, so this bounds what a forged manifest can
 * make it download and hold.
 */
export const MAX_LIST_FILE_BYTES = 256 * 1024 * 1024;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isHex = (v: unknown, length: number) =>
  typeof v === 'string' && v.length === length && /^[0-9a-f]+$/.test(v);

function fileRef(value: unknown, where: string, base: string): FileRef {
  if (!isObject(value)) throw new ManifestError(`${where} is missing`);
  const { url, bytes, sha256 } = value;
  if (typeof url !== 'string' || !url) throw new ManifestError(`${where}.url is missing`);
  if (!isCount(bytes)) throw new ManifestError(`${where}.bytes must be a byte count`);
  if (bytes > MAX_LIST_FILE_BYTES) {
    throw new ManifestError(`${where}.bytes is over the ${MAX_LIST_FILE_BYTES}-byte limit`);
  }
  if (!isHex(sha256, 64)) throw new ManifestError(`${where}.sha256 must be 64 hex characters`);
  let absolute: string;
  try {
    absolute = new URL(url, base).href;
  } catch {
    throw new ManifestError(`${where}.url is not a URL`);
  }
  return { url: absolute, bytes, sha256: sha256 as string };
}

/** Validates a manifest; relative file URLs are resolved against `manifestUrl`. */
export function parseListManifest(value: unknown, manifestUrl: string): ListManifest {
  if (!isObject(value)) throw new ManifestError('manifest is not a JSON object');
  const { version, createdAt, checksum, snapshot, deltas, minimumWaitSeconds } = value;
  if (!isCount(version)) throw new ManifestError('version must be a whole number');
  if (!isCount(createdAt)) throw new ManifestError('createdAt must be a time');
  if (!isHex(checksum, 64)) throw new ManifestError('checksum must be 64 hex characters');
  if (!Array.isArray(deltas)) throw new ManifestError('deltas must be a list');
  return {
    version,
    createdAt,
    checksum: checksum as string,
    snapshot: fileRef(snapshot, 'snapshot', manifestUrl),
    deltas: deltas.map((d: unknown, i) => {
      const ref = fileRef(d, `deltas[${i}]`, manifestUrl);
      const { from, to } = d as Json;
      if (!isCount(from) || !isCount(to) || to <= from) {
        throw new ManifestError(`deltas[${i}] must go from one version to a later one`);
      }
      return { ...ref, from, to };
    }),
    minimumWaitSeconds: isCount(minimumWaitSeconds) ? minimumWaitSeconds : 0,
  };
}
