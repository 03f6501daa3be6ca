import { createHash } from 'node:crypto';

/** A document's id: sha256 of its normalized text, first 16 hex chars (the contract's rule). */
export function documentId(normalizedText: string): string {
  return createHash('sha256').update(normalizedText, 'utf8').digest('hex').slice(0, 16);
}
