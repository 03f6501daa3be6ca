import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelFile } from './model-file.js';
import type { NerModel } from './ner-model.js';

/** `models/` at the package root (the same depth from src/ner and dist/ner). */
export const MODELS_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');

/** The model file of a language: models/ner-<lang>.json. */
export const modelPath = (lang: string): string => resolve(MODELS_ROOT, `ner-${lang}.json`);

const cache = new Map<string, NerModel | null>();

/**
 * The shipped NER model of a language, read once per process; null when there is none
 * (the entities analyzer then finds names by rule alone).
 */
export function loadNerModel(lang: string): NerModel | null {
  if (!cache.has(lang)) {
    const path = modelPath(lang);
    cache.set(lang, /^[a-z]{2,3}$/.test(lang) && existsSync(path) ? readModelFile(path) : null);
  }
  return cache.get(lang) ?? null;
}
