import {
  CONTENT_CLASSES,
  type ContentClass,
  type ContentModel,
  type PageExtract,
} from '../../shared/content';
import { pageFeatures, type SparseVector } from '../../shared/content/page-features';

/**
 * Chosen by five-fold cross-validation on the training split alone (the held-out pages are
 * only ever a figure), as the point that cut the most false alarms for the least recall:
 * against equal class weights and a threshold of 0.5, false alarms fell from 28 to 23 of 350
 * honest pages and recall from 171 to 169 of 208 scam pages.
 */
const BENIGN_WEIGHT = 8;
const THRESHOLD = 0.3;
/**
 * The gate's bar, chosen by five-fold cross-validation on the training split (1,038 pages;
 * false alarms on 690 honest pages, scam pages warned about of 348, deciding as classifyPage
 * does): 0.25 → 47, 301; 0.3 → 40, 299; 0.35 → 34, 284. The scenario model alone at its own
 * bar: 54, 291.
 */
const GATE_THRESHOLD = 0.3;
/**
 * Hash buckets. Chosen by five-fold cross-validation on the training split (1,262 pages; false
 * alarms on 866 honest pages, scam pages warned about of 396): 4,096 → 60, 328; 8,192 → 54,
 * 329; 16,384 → 50, 329; 32,768 → 52, 325. Fewer n-grams share a bucket, so an honest page's
 * words no longer lend it a scam phrase's weight. The shipped file is ten rows of one byte per
 * bucket; the buckets no training page reaches stay zero and compress away.
 */
const DIM = 16_384;
/**
 * The L2 penalty, chosen by five-fold cross-validation on the training split (1,262 pages;
 * false alarms on 866 honest pages, scam pages warned about of 396): 0 → 29, 325; 3e-6 → 28,
 * 326; 1e-5 → 27, 326; 3e-5 → 30, 326; 1e-4 → 31, 322; 3e-4 → 39, 315; 1e-3 → 3, 146. With
 * 16,384 buckets few n-grams share one, so a rare word's weight no longer stands for many
 * pages, and a heavier penalty mostly shrinks the weights that tell honest pages apart.
 */
const L2 = 1e-5;
/**
 * Passes of gradient descent, chosen the same way (with the penalty above): 1,000 → 27, 326;
 * 2,000 → 26, 328; 3,000 → 26, 331. A larger step instead (learning rate 20 or 30 for 1,000
 * passes) gave 29 and 330 or 331. Training takes three times as long as at 1,000, about a
 * minute and a half for the corpus.
 */
const EPOCHS = 3000;

export interface TrainingOptions {
  dim?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty: keeps weights small so a few words cannot dominate. */
  l2?: number;
  threshold?: number;
  gateThreshold?: number;
  /**
   * How much more a benign page weighs than its class's share: honest pages are most of the
   * web, and with nine equal classes they would be a ninth of the training mass.
   */
  benignWeight?: number;
  version: number;
}

/**
 * Multinomial logistic regression by full-batch gradient descent over `n` classes: no
 * randomness, so the same corpus always gives the same weights. Classes are weighted by
 * inverse frequency, so the many benign pages (class `benign`) do not drown the few pages of
 * each other class, and benign pages then by `benignWeight`, so the others together do not
 * drown them either.
 */
function fit(
  xs: readonly SparseVector[],
  ys: readonly number[],
  n: number,
  benign: number,
  options: TrainingOptions,
): { weights: Float32Array; bias: Float32Array } {
  const dim = options.dim ?? DIM;
  const epochs = options.epochs ?? EPOCHS;
  const rate = options.learningRate ?? 10;
  const l2 = options.l2 ?? L2;
  const counts = Array.from({ length: n }, (_, c) => ys.filter((y) => y === c).length);
  const benignWeight = options.benignWeight ?? BENIGN_WEIGHT;
  const sampleWeight = ys.map(
    (y) => (ys.length / (n * Math.max(1, counts[y]!))) * (y === benign ? benignWeight : 1),
  );
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0);

  const weights = new Float32Array(n * dim);
  const bias = new Float32Array(n);
  const gradW = new Float64Array(n * dim);
  const gradB = new Float64Array(n);
  const p = new Float64Array(n);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradW.fill(0);
    gradB.fill(0);
    xs.forEach((x, s) => {
      let max = -Infinity;
      for (let c = 0; c < n; c++) {
        let z = bias[c]!;
        for (let k = 0; k < x.indices.length; k++)
          z += weights[c * dim + x.indices[k]!]! * x.values[k]!;
        p[c] = z;
        max = Math.max(max, z);
      }
      let sum = 0;
      for (let c = 0; c < n; c++) {
        p[c] = Math.exp(p[c]! - max);
        sum += p[c]!;
      }
      const w = sampleWeight[s]! / totalWeight;
      for (let c = 0; c < n; c++) {
        const g = (p[c]! / sum - (ys[s] === c ? 1 : 0)) * w;
        gradB[c] = gradB[c]! + g;
        for (let k = 0; k < x.indices.length; k++) {
          const i = c * dim + x.indices[k]!;
          gradW[i] = gradW[i]! + g * x.values[k]!;
        }
      }
    });
    for (let i = 0; i < weights.length; i++)
      weights[i] = weights[i]! - rate * (gradW[i]! + l2 * weights[i]!);
    for (let c = 0; c < n; c++) bias[c] = bias[c]! - rate * gradB[c]!;
  }
  return { weights, bias };
}

/**
 * The scenario model over the nine classes, and the gate: the same regression over two
 * classes, honest and scam, every scenario's pages pooled: the scam class has eight times the
 * pages of one scenario to learn from (see GATE_THRESHOLD for what it bought).
 */
export function trainContentModel(
  samples: readonly { page: PageExtract; label: ContentClass }[],
  options: TrainingOptions,
): ContentModel {
  const dim = options.dim ?? DIM;
  const classes = [...CONTENT_CLASSES];
  const xs: SparseVector[] = samples.map((s) => pageFeatures(s.page, dim));
  const ys = samples.map((s) => classes.indexOf(s.label));
  const benign = classes.indexOf('benign');
  const { weights, bias } = fit(xs, ys, classes.length, benign, options);
  // Two classes: 0 honest, 1 scam. Softmax over two rows is the sigmoid of their difference.
  const pooled = fit(
    xs,
    ys.map((y) => (y === benign ? 0 : 1)),
    2,
    0,
    options,
  );
  const gateWeights = new Float32Array(dim);
  for (let i = 0; i < dim; i++) gateWeights[i] = pooled.weights[dim + i]! - pooled.weights[i]!;
  return {
    version: options.version,
    dim,
    classes,
    threshold: options.threshold ?? THRESHOLD,
    bias,
    weights,
    gate: {
      threshold: options.gateThreshold ?? GATE_THRESHOLD,
      bias: pooled.bias[1]! - pooled.bias[0]!,
      weights: gateWeights,
    },
  };
}
