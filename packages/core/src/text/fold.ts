/**
 * Fold text for accent- and case-insensitive search: "Medellín" and "MEDELLIN" both become "medellin".
 * Scripts without Latin diacritics (Arabic, Chinese, Cyrillic) pass through lower-cased.
 * @example foldForSearch('Câmara de Lobos') // 'camara de lobos'
 * @example foldForSearch('Sønderborg') // 'sonderborg'
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’']/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
