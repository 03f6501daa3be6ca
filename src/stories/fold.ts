/** Lower case without accents: `Corée` → `coree`, so that spellings with and without accents meet. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
