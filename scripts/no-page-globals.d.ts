import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function withoutPageGlobals(code: string, id: string): string;
export function viteNoPageGlobals(): VitePlugin;
export function esbuildNoPageGlobals(): EsbuildPlugin;
