// The type lives in plugin.ts beside VerifyContext, which names it: one module, no circle.
export type { StatusMethod } from '../plugin.js';
