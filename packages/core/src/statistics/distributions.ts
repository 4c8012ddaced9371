// Quantiles of the normal and Student t distributions, accurate to about 1e-14, so that confidence intervals
// agree with R's qnorm()/qt() far inside the tolerances the reference tests use.

/**
 * Quantile of the standard normal distribution (Wichura's AS 241, the algorithm R's `qnorm` uses).
 * @example qnorm(0.975) // 1.959963984540054
 */
export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7): relative accuracy about 1e-15. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log(Γ(a + ½) / Γ(a)) without the cancellation of two large log-gammas when a is large. */
function logGammaHalfRatio(a: number): number {
  if (a < 20) return logGamma(a + 0.5) - logGamma(a);
  // Stirling's series for both, with the large terms combined by hand: (a)·log1p(1/2a) + ½ log a − ½.
  const stirling = (z: number) => {
    const inv = 1 / z;
    const inv2 = inv * inv;
    return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  };
  return a * Math.log1p(1 / (2 * a)) + 0.5 * Math.log(a) - 0.5 + stirling(a + 0.5) - stirling(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Upper tail P(T > t) of Student's t with `df` degrees of freedom, for t ≥ 0. */
function studentUpperTail(t: number, df: number): number {
  // P(T > t) = ½ I_x(df/2, ½) with x = df / (df + t²); 1 − x is computed directly so that large df keep
  // their digits.
  const a = df / 2;
  const x = df / (df + t * t);
  const y = (t * t) / (df + t * t);
  // log of x^a (1−x)^½ / B(a, ½), with B(a, ½) = Γ(a)Γ(½)/Γ(a+½).
  const logFront = a * Math.log(x) + 0.5 * Math.log(y) + logGammaHalfRatio(a) - 0.5 * Math.log(Math.PI);
  if (x < (a + 1) / (a + 2.5)) return (0.5 * Math.exp(logFront) * betaContinuedFraction(x, a, 0.5)) / a;
  return 0.5 * (1 - (Math.exp(logFront) * betaContinuedFraction(y, 0.5, a)) / 0.5);
}

/** Density of Student's t. */
function studentDensity(t: number, df: number): number {
  const a = df / 2;
  return Math.exp(logGammaHalfRatio(a) - 0.5 * Math.log(df * Math.PI) - (a + 0.5) * Math.log1p((t * t) / df));
}

/**
 * Quantile of Student's t distribution with `df` degrees of freedom (`Infinity` gives the normal quantile).
 * Degrees of freedom ≤ 0 give NaN, as R's `qt` does.
 * @example qt(0.975, 10) // 2.2281388519649385
 */
export function qt(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY || df > 1e20) return qnorm(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -qt(1 - p, df);
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upper = 1 - p;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * upper);
  // Start from the Cornish–Fisher expansion around the normal quantile, then Newton on the upper tail.
  const z = qnorm(p);
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3);
  if (!(t > 0) || !Number.isFinite(t)) t = z;
  for (let i = 0; i < 100; i++) {
    const step = (studentUpperTail(t, df) - upper) / studentDensity(t, df);
    let next = t + step;
    if (next <= 0) next = t / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}
