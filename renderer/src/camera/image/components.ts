import type { GrayImage } from './raster';

export interface Component {
  /** The component's pixels with its holes filled (text on a page is dark, yet part of the page). */
  readonly mask: Uint8Array;
  /** Pixel count of the filled mask. */
  readonly area: number;
  readonly touchesEdge: boolean;
}

/**
 * The largest 4-connected region of pixels above `threshold`, with its holes filled: everything
 * that cannot reach the image border without crossing the region belongs to it.
 */
export function largestBrightComponent(image: GrayImage, threshold: number): Component | null {
  const { width, height, data } = image;
  const size = width * height;
  const labels = new Int32Array(size);
  const stack = new Int32Array(size);
  let bestLabel = 0;
  let bestCount = 0;
  let next = 0;
  for (let start = 0; start < size; start += 1) {
    if (labels[start] !== 0 || data[start]! <= threshold) continue;
    next += 1;
    let count = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = next;
    while (top > 0) {
      const i = stack[--top]!;
      count += 1;
      const x = i % width;
      if (x > 0) top = visit(i - 1, top);
      if (x < width - 1) top = visit(i + 1, top);
      if (i >= width) top = visit(i - width, top);
      if (i < size - width) top = visit(i + width, top);
    }
    if (count > bestCount) {
      bestCount = count;
      bestLabel = next;
    }
  }
  if (bestLabel === 0) return null;
  return fillHoles(labels, bestLabel, width, height);

  function visit(j: number, top: number): number {
    if (labels[j] !== 0 || data[j]! <= threshold) return top;
    labels[j] = next;
    stack[top] = j;
    return top + 1;
  }
}

function fillHoles(labels: Int32Array, label: number, width: number, height: number): Component {
  const size = width * height;
  // 1 = reached from the border without crossing the component.
  const outside = new Uint8Array(size);
  const stack = new Int32Array(size);
  let top = 0;
  const seed = (i: number) => {
    if (outside[i] === 0 && labels[i] !== label) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x += 1) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < size - width) seed(i + width);
  }
  const mask = new Uint8Array(size);
  let area = 0;
  let touchesEdge = false;
  for (let i = 0; i < size; i += 1) {
    if (outside[i] === 1) continue;
    mask[i] = 1;
    area += 1;
    const x = i % width;
    if (x === 0 || x === width - 1 || i < width || i >= size - width) touchesEdge = true;
  }
  return { mask, area, touchesEdge };
}
