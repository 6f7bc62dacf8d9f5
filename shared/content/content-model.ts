import { CONTENT_CLASSES, type ContentClass } from './content-scenarios';
import type { SparseVector } from './page-features';

/**
 * The trained page model: multinomial logistic regression over hashed features (see
 * page-features.ts). It ships in the signed list metadata (key `contentModel`) as JSON with
 * the weights quantised to int8 and base64-coded, so the list stays small; parseContentModel
 * checks every part, and a list without a usable model leaves the rules on their own.
 */
export interface ContentModel {
  readonly version: number;
  readonly dim: number;
  readonly classes: readonly ContentClass[];
  /** A scam class at or above this probability makes the page suspicious. */
  readonly threshold: number;
  readonly bias: Float32Array;
  /** `classes.length × dim`, row-major. */
  readonly weights: Float32Array;
}

export interface ContentModelFile {
  version: number;
  dim: number;
  classes: ContentClass[];
  threshold: number;
  bias: number[];
  /** One scale per class: weight = int8 × scale. */
  scales: number[];
  weights: string;
}

const MAX_DIM = 1 << 16;

export function encodeContentModel(model: ContentModel): ContentModelFile {
  const { dim, classes } = model;
  const bytes = new Uint8Array(classes.length * dim);
  const scales = classes.map((_, c) => {
    let max = 0;
    for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(model.weights[c * dim + i]!));
    const scale = max / 127 || 1;
    for (let i = 0; i < dim; i++) {
      const q = Math.round(model.weights[c * dim + i]! / scale);
      bytes[c * dim + i] = q & 0xff;
    }
    return scale;
  });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return {
    version: model.version,
    dim,
    classes: [...classes],
    threshold: model.threshold,
    bias: Array.from(model.bias),
    scales,
    weights: btoa(binary),
  };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseContentModel(raw: unknown): ContentModel {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('content model: not an object');
  const r = raw as Record<string, unknown>;
  const { version, dim, threshold } = r;
  if (!Number.isSafeInteger(version)) throw new TypeError('content model: bad version');
  if (!Number.isInteger(dim) || (dim as number) < 1 || (dim as number) > MAX_DIM)
    throw new TypeError('content model: bad dim');
  if (!finite(threshold) || threshold <= 0 || threshold >= 1)
    throw new TypeError('content model: bad threshold');
  const classes = r.classes;
  if (
    !Array.isArray(classes) ||
    classes.length < 2 ||
    !classes.every((c) => (CONTENT_CLASSES as readonly unknown[]).includes(c)) ||
    new Set(classes).size !== classes.length ||
    !classes.includes('benign')
  )
    throw new TypeError('content model: bad classes');
  const n = classes.length;
  const d = dim as number;
  const { bias, scales, weights } = r;
  if (!Array.isArray(bias) || bias.length !== n || !bias.every(finite))
    throw new TypeError('content model: bad bias');
  if (!Array.isArray(scales) || scales.length !== n || !scales.every(finite))
    throw new TypeError('content model: bad scales');
  if (typeof weights !== 'string') throw new TypeError('content model: bad weights');
  let binary: string;
  try {
    binary = atob(weights);
  } catch {
    throw new TypeError('content model: weights are not base64');
  }
  if (binary.length !== n * d) throw new TypeError('content model: weights have the wrong size');
  const w = new Float32Array(n * d);
  for (let c = 0; c < n; c++) {
    const scale = scales[c] as number;
    for (let i = 0; i < d; i++) {
      const byte = binary.charCodeAt(c * d + i);
      w[c * d + i] = (byte > 127 ? byte - 256 : byte) * scale;
    }
  }
  return {
    version: version as number,
    dim: d,
    classes: classes as ContentClass[],
    threshold,
    bias: Float32Array.from(bias as number[]),
    weights: w,
  };
}

/** Class probabilities (softmax) for one page, in `model.classes` order. */
export function classProbabilities(
  model: Pick<ContentModel, 'dim' | 'classes' | 'bias' | 'weights'>,
  x: SparseVector,
): Float64Array {
  const n = model.classes.length;
  const logits = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let z = model.bias[c]!;
    const row = c * model.dim;
    for (let k = 0; k < x.indices.length; k++)
      z += model.weights[row + x.indices[k]!]! * x.values[k]!;
    logits[c] = z;
  }
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < n; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    sum += logits[c]!;
  }
  for (let c = 0; c < n; c++) logits[c] = logits[c]! / sum;
  return logits;
}
