import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The French wire corpus (OrangeSum, 6,000 AFP articles) beside the checkout: read, never copied. */
export const NEWS_FR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'news-fr', 'orangesum.jsonl');

export interface CorpusSample {
  /** Raw JSON lines, as the JSONL reader would get them. */
  lines: string[];
  texts: string[];
  bytes: number;
}

/** The first articles of the corpus, in file order, until `megabytes` of UTF-8 text. */
export function frenchNewsSample(megabytes: number, path = NEWS_FR): CorpusSample {
  if (!existsSync(path)) throw new Error(`bench needs ${path} (../shared beside the checkout)`);
  const lines: string[] = [];
  const texts: string[] = [];
  let bytes = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text: string }).text;
    lines.push(line);
    texts.push(text);
    bytes += Buffer.byteLength(text, 'utf8');
    if (bytes >= megabytes * 1e6) break;
  }
  return { lines, texts, bytes };
}
