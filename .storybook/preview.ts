import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Badges render on a host page: show them on a plain background, like the demo.
    layout: 'padded',
  },
};

export default preview;
