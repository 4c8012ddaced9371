/**
 * Count the words of a text the way a reader would, in any of our six languages: words are what the
 * Unicode word-break rules find (Intl.Segmenter), so Chinese counts its words without spaces and
 * punctuation counts for nothing. Server and web count alike, so the limit shown while typing is the
 * limit enforced.
 * @example countWords('Learning for all, at every age.') // 6
 * @example countWords('   ') // 0
 */
export function countWords(text: string): number {
  if (text.trim() === '') return 0;
  let words = 0;
  for (const segment of segmenter().segment(text)) {
    if (segment.isWordLike) words++;
  }
  return words;
}

let cached: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  // Locale-neutral rules: the text's own language is not always the one it claims.
  cached ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return cached;
}
