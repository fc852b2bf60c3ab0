/**
 * A small seedable random generator, so fault decisions in tests are reproducible: the same seed
 * and the same request order give the same failures. A Weyl sequence (golden-ratio increment)
 * pushed through a 32-bit integer hash with good avalanche; plenty for picking which requests
 * fail, not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z = (z ^ (z >>> 15)) >>> 0;
    return z / 0x1_0000_0000;
  }
}
