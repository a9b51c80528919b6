// Storybook 10 for the <ob-*> components. Stories live in the top-level stories/ folder, one file per
// element: stories/ob-badge.stories.ts.
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { PluginOption } from 'vite';

// Plug-ins in vite.config.ts that belong to the demo server or the CDN build, not to Storybook:
// the demo's server rules, and the step that empties dist/cdn before a CDN build. The plug-in that
// marks element-defining modules as having side effects stays: stories rely on it too.
const notForStorybook = new Set(['openbadge-embed:demo', 'openbadge-embed:clean-cdn-dir']);

function pluginName(plugin: unknown): string | undefined {
  return plugin && typeof plugin === 'object' && 'name' in plugin && typeof plugin.name === 'string'
    ? plugin.name
    : undefined;
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: '@storybook/web-components-vite',
  core: { disableTelemetry: true },
  // Storybook loads vite.config.ts; its demo part sets root 'demo' (Storybook overrides the root, but
  // not the demo plug-ins) and its build part would empty dist/cdn. Keep only what stories need.
  viteFinal(viteConfig) {
    const plugins = (viteConfig.plugins ?? []) as PluginOption[];
    viteConfig.plugins = plugins.flat(Infinity as 1).filter((p) => !notForStorybook.has(pluginName(p) ?? ''));
    delete viteConfig.server?.port;
    if (viteConfig.server) viteConfig.server.strictPort = false;
    viteConfig.publicDir = false;
    return viteConfig;
  },
};

export default config;
