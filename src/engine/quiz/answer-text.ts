/**
 * Text comparison for typed answers: normal forms, and how many typos an answer of a given
 * length forgives.
 */

/**
 * The comparison form of an answer: accents removed (NFKD), lower case, "&" read as "and",
 * apostrophes dropped ("Pakistan's" = "pakistans"), other punctuation as spaces, spaces collapsed,
 * and a leading article ("the", "a", "an") removed.
 */
export function normalizeAnswer(s: string): string {
  const plain = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return plain.replace(/^(?:the|a|an) (?=\S)/, '');
}

/** The digits of a normal form, as groups: typos are never forgiven in numbers or years. */
export function digitGroups(normal: string): string {
  return (normal.match(/\d+/g) ?? []).join(' ');
}

/**
 * Typos forgiven for an answer whose normal form (without spaces) has this many characters:
 * none up to 4 ("Iraq" is not "Iran"), 1 from 5 to 8, 2 beyond.
 */
export function typoTolerance(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1. Returns `cap` as soon as the distance is
 * known to be at least `cap` (the matcher only needs to know "within tolerance, one more, or far").
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  const A = [...a];
  const B = [...b];
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= cap) return cap;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[B.length]!, cap);
}
