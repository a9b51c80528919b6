import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export interface GuardedRewrite {
  readonly file?: RegExp;
  readonly find: string;
  readonly replace: string;
}

export function guardedRewrites(
  name: string,
  files: RegExp,
  rewrites: readonly GuardedRewrite[],
): { rewrite(code: string, id: string): string; vite(): VitePlugin; esbuild(): EsbuildPlugin };
