/** What an image carries: read by png.ts and svg.ts, returned by unbake.ts (which loads them). */
export interface BakedCredential {
  readonly container: 'png' | 'svg';
  /** 'ob2' for the `openbadges` keyword / <openbadges:assertion>; 'ob3' for `openbadgecredential` / <openbadges:credential>. */
  readonly generation: 'ob2' | 'ob3';
  /** The embedded text, trimmed: JSON text, a compact JWS, or (2.0 and older) an http(s) URL. */
  readonly payload: string;
  /** Where it came from, for display/debugging, e.g. 'iTXt openbadges', 'tEXt openbadges', 'openbadges:assertion verify attribute', 'openbadges:credential content'. */
  readonly location: string;
}
