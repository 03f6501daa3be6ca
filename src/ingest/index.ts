/** The ingest layer: bytes from files, stdin or the network in, documents (or errors naming them) out. */
export type { IngestedDocument, RawInput, ReadOutcome, Reader } from './types.js';
export { decodeText } from './decode.js';
export { detectFormat, type FormatName } from './format.js';
export { READERS, readInput } from './read-input.js';
export { BINARY_EXTENSIONS, DEFAULT_MAX_BYTES, readPaths, type ReadPathsOptions } from './read-paths.js';
export { textReader } from './text.js';
export { htmlReader } from './html.js';
export { feedReader } from './feed.js';
export { jsonlReader } from './jsonl.js';
export { expandPaths } from './expand-paths.js';
