import type { RatingLabel } from '../types.ts';

/** The scale of the expert reviews and survey ratings, as the Key Features table prints it (5 first). */
export const ratingLabels: readonly RatingLabel[] = [
  { value: 5, label: 'Excellent' },
  { value: 4, label: 'Very good' },
  { value: 3, label: 'Good' },
  { value: 2, label: 'Fair' },
  { value: 1, label: 'Poor' },
];
