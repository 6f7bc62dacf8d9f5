/**
 * Suffixes only government bodies can register under: "gov" and "mil", and the second levels
 * countries keep for their governments ("gov.cn", "gov.uk", "gouv.fr", "gob.mx", "go.jp",
 * "govt.nz", "gc.ca"). A scam cannot put its own page there; a hacked government site can, which
 * is why such a host only mutes the rules that read a government's own forms as a scam's (an
 * SMS code beside an ID number, a report form about a "safe account"), and the model still reads
 * the page. Written by hand rather than with a public-suffix library: the question is about a
 * page's host suffix alone, and the content classifier stays free of dependencies.
 */
const GOVERNMENT_SUFFIX = /\.(?:gov|mil)$|\.(?:gov|gob|gouv|go|govt|mil)\.[a-z]{2}$|\.gc\.ca$/;

/** Whether `host` (lowercase, as the extension gives it) is a government body's. */
export function isGovernmentHost(host: string): boolean {
  return GOVERNMENT_SUFFIX.test(host);
}
