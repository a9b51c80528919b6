export type BakeKeyword = 'openbadges' | 'openbadgecredential';
export type BakeGeneration = 'ob2' | 'ob3';

export declare const SVG_NAMESPACES: Readonly<Record<BakeGeneration, string>>;
export declare function crc32(bytes: Uint8Array, crc?: number): number;
export declare function pngChunk(type: string, data: Uint8Array): Uint8Array;
export declare function iTXtData(keyword: string, text: string): Uint8Array;
export declare function pngChunks(png: Uint8Array): { type: string; start: number; end: number }[];
export declare function bakePng(png: Uint8Array, keyword: BakeKeyword, text: string): Uint8Array;
export declare function concat(parts: readonly Uint8Array[]): Uint8Array;
export declare function cdata(text: string): string;
export declare function bakeSvg(
  svg: string,
  generation: BakeGeneration,
  payload: { readonly json?: string; readonly verify?: string },
): string;
