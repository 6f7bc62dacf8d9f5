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
  /**
   * A second, two-class model over the same features: scam (any scenario) or honest. When
   * present it decides whether the page is suspicious, and the classes above only name the
   * scenario. Null in lists built before it existed.
   */
  readonly gate: ContentGate | null;
}

/** Logistic regression: P(scam) = sigmoid(bias + weights · x). */
export interface ContentGate {
  readonly threshold: number;
  readonly bias: number;
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
  gate?: { threshold: number; bias: number; scale: number; weights: string };
}

/** Weights as int8 × one scale each row, base64-coded. */
function quantise(weights: Float32Array, rows: number, dim: number) {
  const bytes = new Uint8Array(rows * dim);
  const scales = Array.from({ length: rows }, (_, c) => {
    let max = 0;
    for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(weights[c * dim + i]!));
    const scale = max / 127 || 1;
    for (let i = 0; i < dim; i++)
      bytes[c * dim + i] = Math.round(weights[c * dim + i]! / scale) & 0xff;
    return scale;
  });
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { scales, weights: btoa(binary) };
}

function dequantise(coded: string, scales: readonly number[], dim: number, what: string) {
  let binary: string;
  try {
    binary = atob(coded);
  } catch {
    throw new TypeError(`content model: ${what} are not base64`);
  }
  if (binary.length !== scales.length * dim)
    throw new TypeError(`content model: ${what} have the wrong size`);
  const w = new Float32Array(scales.length * dim);
  scales.forEach((scale, c) => {
    for (let i = 0; i < dim; i++) {
      const byte = binary.charCodeAt(c * dim + i);
      w[c * dim + i] = (byte > 127 ? byte - 256 : byte) * scale;
    }
  });
  return w;
}

const MAX_DIM = 1 << 16;

export function encodeContentModel(model: ContentModel): ContentModelFile {
  const { dim, classes, gate } = model;
  const coded = quantise(model.weights, classes.length, dim);
  const file: ContentModelFile = {
    version: model.version,
    dim,
    classes: [...classes],
    threshold: model.threshold,
    bias: Array.from(model.bias),
    ...coded,
  };
  if (gate) {
    const g = quantise(gate.weights, 1, dim);
    file.gate = {
      threshold: gate.threshold,
      bias: gate.bias,
      scale: g.scales[0]!,
      weights: g.weights,
    };
  }
  return file;
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
  return {
    version: version as number,
    dim: d,
    classes: classes as ContentClass[],
    threshold,
    bias: Float32Array.from(bias as number[]),
    weights: dequantise(weights, scales as number[], d, 'weights'),
    gate: r.gate === undefined ? null : parseGate(r.gate, d),
  };
}

function parseGate(raw: unknown, dim: number): ContentGate {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('content model: bad gate');
  const { threshold, bias, scale, weights } = raw as Record<string, unknown>;
  if (!finite(threshold) || threshold <= 0 || threshold >= 1)
    throw new TypeError('content model: bad gate threshold');
  if (!finite(bias) || !finite(scale)) throw new TypeError('content model: bad gate bias or scale');
  if (typeof weights !== 'string') throw new TypeError('content model: bad gate weights');
  return { threshold, bias, weights: dequantise(weights, [scale], dim, 'gate weights') };
}

/** `bias` plus the dot product of `x` with the weights row that starts at `row`. */
function logit(bias: number, weights: Float32Array, row: number, x: SparseVector): number {
  let z = bias;
  for (let k = 0; k < x.indices.length; k++) z += weights[row + x.indices[k]!]! * x.values[k]!;
  return z;
}

/** The gate's probability that a page is a scam of any kind. */
export function scamProbability(gate: ContentGate, x: SparseVector): number {
  return 1 / (1 + Math.exp(-logit(gate.bias, gate.weights, 0, x)));
}

/** Class probabilities (softmax) for one page, in `model.classes` order. */
export function classProbabilities(
  model: Pick<ContentModel, 'dim' | 'classes' | 'bias' | 'weights'>,
  x: SparseVector,
): Float64Array {
  const n = model.classes.length;
  const logits = new Float64Array(n);
  for (let c = 0; c < n; c++) logits[c] = logit(model.bias[c]!, model.weights, c * model.dim, x);
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < n; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    sum += logits[c]!;
  }
  for (let c = 0; c < n; c++) logits[c] = logits[c]! / sum;
  return logits;
}
