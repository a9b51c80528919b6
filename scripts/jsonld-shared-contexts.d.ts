import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function withSharedContexts(code: string, id: string): string;
export function viteJsonldSharedContexts(): VitePlugin;
export function esbuildJsonldSharedContexts(): EsbuildPlugin;
