export {
  createLookalikeDetector,
  type LookalikeDetector,
  type LookalikeDetectorOptions,
  type LookalikeTechnique,
  type LookalikeVerdict,
} from './create-lookalike-detector';
export {
  parseProtectedNames,
  PROTECTED_KINDS,
  type ProtectedKind,
  type ProtectedName,
  type ProtectedNames,
} from './protected-names';
