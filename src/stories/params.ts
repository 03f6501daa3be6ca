/**
 * The clustering's constants in one place. Thresholds were calibrated on the stories gold
 * (ECB+ dev topics and the own French/English set); docs/stories.md gives the tables.
 */

/** Average similarity at which two clusters of reports are one story (average link). */
export const JOIN_THRESHOLD = 0.15;
/** Estimated shingle Jaccard from which a document is a copy of another (syndication, light edits). */
export const DUPLICATE_JACCARD = 0.5;
/** The heaviest features of a document that go into the inverted index (and are looked up). */
export const POSTING_KEYS = 24;
/** Documents read per posting key and kind of lookup (nearest days before, after, latest undated). */
export const POSTING_LIMIT = 8;
/** Days around a dated document in which the posting lookup also searches. */
export const POSTING_WINDOW_DAYS = 14;
/** Candidate documents scored in full (those sharing the most posting weight). */
export const CANDIDATES = 32;
/**
 * A candidate this similar brings its story into the neighbourhood that is re-clustered: two
 * thirds of the join threshold, so that only stories the document could join (or bridge) are.
 */
export const NEIGHBOUR_SIMILARITY = 0.1;
/** Documents re-clustered around a new one at most: the cost per document stays flat. */
export const MAX_NEIGHBOURHOOD = 48;
/** Stories larger than this are not split again; a sample of this many members stands for them. */
export const LARGE_STORY = 32;
