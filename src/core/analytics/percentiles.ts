// ANALYTICS-4: medians and p90 by the nearest-rank rule: the p-th percentile of n samples is
// the ceil(p·n)-th smallest. It always returns a sample that happened (no interpolated 0.5 ms
// figures), and the same samples give the same figure in SQL (`percentile_disc`).

export interface Distribution {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** The index, in ascending order, of the nearest-rank `fraction` percentile of `count` samples (count > 0). */
function nearestRankIndex(count: number, fraction: number): number {
  return Math.max(1, Math.ceil(fraction * count)) - 1;
}

export function nearestRank(sortedAscending: ArrayLike<number>, fraction: number): number | null {
  if (sortedAscending.length === 0) return null;
  return sortedAscending[nearestRankIndex(sortedAscending.length, fraction)]!;
}

/** The distribution by a full sort: the plain definition summarizeBySelection is checked against. */
export function summarize(samples: readonly number[]): Distribution {
  const sorted = Float64Array.from(samples).sort();
  return { count: sorted.length, medianMs: nearestRank(sorted, 0.5), p90Ms: nearestRank(sorted, 0.9) };
}

/**
 * The distribution of samples by selection, without sorting them: the nearest-rank p90 is
 * selected over all samples, then the median among those at or below it (quickselect, linear on
 * average). Reorders `samples`. A year of pooled samples is tens of thousands per figure and a
 * report takes a dozen such figures, so this replaces a full sort each time.
 */
export function summarizeBySelection(samples: Float64Array): Distribution {
  const count = samples.length;
  if (count === 0) return { count, medianMs: null, p90Ms: null };
  const p90Index = nearestRankIndex(count, 0.9);
  const medianIndex = nearestRankIndex(count, 0.5);
  selectInPlace(samples, p90Index, 0, count - 1);
  // Everything before p90Index is at most samples[p90Index]: the median is selected there.
  selectInPlace(samples, medianIndex, 0, p90Index);
  return { count, medianMs: samples[medianIndex]!, p90Ms: samples[p90Index]! };
}

/** Puts the k-th smallest of values[left..right] at index k, smaller ones before it, larger after. */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  let low = left;
  let high = right;
  while (low < high) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const middle = (low + high) >>> 1;
    const pivot = medianOfThree(values[low]!, values[middle]!, values[high]!);
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
