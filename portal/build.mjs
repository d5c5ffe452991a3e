// Builds the portal into the folder given (default dist/): Sass to one CSS file, the JavaScript modules and
// copied as they are. No bundler: the browser loads the ES modules directly.
import * as sass from 'sass';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));

rmSync(join(out, 'portal'), { recursive: true, force: true });
mkdirSync(join(out, 'portal'), { recursive: true });

const css = sass.compile(join(here, 'src/portal.scss'), {
  loadPaths: [join(here, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(join(out, 'portal/portal.css'), css.css);
cpSync(join(here, 'src/index.html'), join(out, 'index.html'));
cpSync(join(here, 'src/js'), join(out, 'portal/js'), { recursive: true });
console.log(`Portal built into ${out} (${css.css.length} bytes of CSS)`);
