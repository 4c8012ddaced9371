import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold.ts';

describe('foldForSearch', () => {
  it('removes accents and case so a plain keyboard finds accented names', () => {
    expect(foldForSearch('Medellín')).toBe('medellin');
    expect(foldForSearch('Câmara de Lobos')).toBe('camara de lobos');
    expect(foldForSearch('N’Zérékoré')).toBe("n'zerekore");
  });
  it('folds letters that have no combining accent', () => {
    expect(foldForSearch('Sønderborg')).toBe('sonderborg');
  });
  it('keeps non-Latin scripts searchable', () => {
    expect(foldForSearch('القاهرة')).toBe('القاهرة');
    expect(foldForSearch('Москва')).toBe('москва');
  });
});
