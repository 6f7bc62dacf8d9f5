/** The list engine: snapshot format, matcher, signatures, deltas and the list compiler. */
export { BlockList, type ListMatch, type LoadOptions, type PageReader } from './block-list';
export { encodeList, encodePacked, type EncodeOptions } from './encode-list';
export { readEntries } from './read-entries';
export { readPacked } from './read-packed';
export { packEntries, unpackEntries, type PackedList } from './packed-list';
export { snapshotChecksum } from './list-checksum';
export { verifySnapshot } from './verify-snapshot';
export { sha256 } from './sha256';
export { readHeader, type ListHeader } from './format';
export { sortEntries, type ListEntry } from './list-entry';
export {
  signFile,
  verifyFile,
  splitSignedFile,
  publicKeyOf,
  generatePrivateKey,
} from './sign-file';
export { encodeDelta, type DeltaInfo } from './encode-delta';
export { applyDelta, parseDelta, type AppliedDelta, type ParsedDelta } from './apply-delta';
export { assertNewer } from './assert-newer';
export { compileList, type CompileResult, type SourceInput, type SourceStats } from './compile';
export { parseSource, toExpression } from './parse-source';
export { ListFormatError, SignatureError, DeltaError } from './errors';
