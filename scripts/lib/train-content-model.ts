import {
  CONTENT_CLASSES,
  type ContentClass,
  type ContentModel,
  type PageExtract,
} from '../../shared/content';
import { pageFeatures, type SparseVector } from '../../shared/content/page-features';

export interface TrainingOptions {
  dim?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty: keeps weights small so a few words cannot dominate. */
  l2?: number;
  threshold?: number;
  version: number;
}

/**
 * Multinomial logistic regression by full-batch gradient descent: no randomness, so the same
 * corpus always gives the same model. Classes are weighted by inverse frequency, so the
 * many benign pages do not drown the few pages of each scenario.
 */
export function trainContentModel(
  samples: readonly { page: PageExtract; label: ContentClass }[],
  options: TrainingOptions,
): ContentModel {
  const dim = options.dim ?? 4096;
  const epochs = options.epochs ?? 1000;
  const rate = options.learningRate ?? 10;
  const l2 = options.l2 ?? 1e-4;
  const classes = [...CONTENT_CLASSES];
  const n = classes.length;
  const xs: SparseVector[] = samples.map((s) => pageFeatures(s.page, dim));
  const ys = samples.map((s) => classes.indexOf(s.label));
  const counts = classes.map((_, c) => ys.filter((y) => y === c).length);
  const sampleWeight = ys.map((y) => samples.length / (n * Math.max(1, counts[y]!)));
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
  return {
    version: options.version,
    dim,
    classes,
    threshold: options.threshold ?? 0.5,
    bias,
    weights,
  };
}
