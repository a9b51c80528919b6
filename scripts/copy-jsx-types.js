// @ts-check
// `openbadge-embed/jsx` is a hand-written declaration file (src/jsx.d.ts: augmenting the JSX of
// frameworks a project may not have only compiles from a .d.ts), which tsc does not emit: the build
// copies it beside the declarations tsc writes to dist/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(join(root, 'src/jsx.d.ts'), join(root, 'dist/jsx.d.ts'));
