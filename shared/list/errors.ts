/** A list file that is truncated, oversized or inconsistent. */
export class ListFormatError extends Error {
  override name = 'ListFormatError';
}

/** A signed file whose trailer or Ed25519 signature does not check out. */
export class SignatureError extends Error {
  override name = 'SignatureError';
}

/** A delta that cannot be applied: wrong base version, corrupt body or checksum mismatch. */
export class DeltaError extends Error {
  override name = 'DeltaError';
}
