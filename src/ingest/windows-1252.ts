/**
 * Windows-1252's bytes 0x80–0x9F, as code points (WHATWG Encoding Standard); the five unassigned
 * bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay C1 controls.
 */
const HIGH_CONTROLS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 (what most "Latin-1" text files really are). Node ≥ 20.18.3 decodes the
 * label as ISO-8859-1, turning € and curly quotes into C1 controls (nodejs/node#60888), so those
 * are mapped here; with a fixed Node the replacement finds nothing to do.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(HIGH_CONTROLS[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}
