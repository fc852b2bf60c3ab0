import type { GrayImage } from './raster';

export interface OtsuSplit {
  /** Pixels strictly above this value are "bright". */
  readonly threshold: number;
  /** Mean of the dark and of the bright class: how far apart page and desk are. */
  readonly darkMean: number;
  readonly brightMean: number;
}

/** Otsu's method: the threshold that maximises the between-class variance of the histogram. */
export function otsu(image: GrayImage): OtsuSplit {
  const histogram = new Array<number>(256).fill(0);
  for (const value of image.data) histogram[value] = histogram[value]! + 1;
  const total = image.data.length;
  let totalSum = 0;
  for (let v = 0; v < 256; v += 1) totalSum += v * histogram[v]!;
  let darkCount = 0;
  let darkSum = 0;
  let best = { threshold: 0, variance: -1, darkMean: 0, brightMean: 0 };
  for (let t = 0; t < 255; t += 1) {
    darkCount += histogram[t]!;
    darkSum += t * histogram[t]!;
    const brightCount = total - darkCount;
    if (darkCount === 0 || brightCount === 0) continue;
    const darkMean = darkSum / darkCount;
    const brightMean = (totalSum - darkSum) / brightCount;
    const variance = darkCount * brightCount * (darkMean - brightMean) ** 2;
    if (variance > best.variance) best = { threshold: t, variance, darkMean, brightMean };
  }
  const { threshold, darkMean, brightMean } = best;
  return { threshold, darkMean, brightMean };
}
