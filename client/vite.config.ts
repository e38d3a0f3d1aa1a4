import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { graphqlDocuments } from './build/graphql-documents';
import { preloadFonts } from './build/preload-fonts';
import { translations } from './build/translations';

// Routes are loaded with dynamic import(), so each becomes its own chunk: the first page a
// phone on slow data downloads holds only the shell, the sign-in form and the libraries.
export default defineConfig({
  // Each route's chunk carries only its own GraphQL documents (see build/graphql-documents.ts).
  plugins: [
    graphqlDocuments(fileURLToPath(new URL('./src/', import.meta.url))),
    translations(fileURLToPath(new URL('./src/app/i18n', import.meta.url))),
    react(),
    preloadFonts(),
  ],
  resolve: {
    // rxjs (under Apollo Client) ships ES5 with tslib helpers by default and ES2015 under this condition: ~3 KB gzip less.
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each route needs (read by the bundle budget test, never served).
    manifest: true,
    chunkSizeWarningLimit: 600,
    // Every browser Lentera supports has <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // Shared chunks are named by their hash only: every dynamic import carries the names of the chunks it
    // needs, and on the sign-in page those names were 2 KB of the 130 KB budget. Screens keep readable names.
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/c-[hash].js'),
        // Fewer, larger chunks: over HTTP/1.1 (six connections) with 150 ms round trips, 35 small requests cost more
        // than their bytes. "base": what every first screen draws with (React, i18next, the Mantine core and the
        // components of the sign-in page), one chunk; "app": what only the signed-in app needs (Apollo, React Router).
        codeSplitting: {
          groups: [
            {
              name: 'base',
              test: /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(@mantine\/(core\/esm\/(core|utils)|core\/esm\/components\/(Alert|Box|Button|Center|Group|Paper|Stack|Text|Title|Loader|SegmentedControl|FloatingIndicator|UnstyledButton|VisuallyHidden)\/)|clsx|@tabler\/icons-react\/dist\/esm\/(createReactComponent|defaultAttributes)|react-i18next|i18next|react\/|react-dom\/|scheduler)/,
            },
            // The sign-in form's fields: also the catalogue's filters and every admin form, but not the home page.
            { name: 'fields', test: /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?@mantine\/core\/esm\/components\/(Input|InputBase|TextInput|PasswordInput|ActionIcon|CloseButton)\// },
            // What every signed-in first visit draws with, whether the home page's first paint or the app's shell (the
            // frame, its navigation icons, the signed-in texts, the formatters and the small parts of the learner's
            // screens), and the sign-in page never does: one chunk rather than ~35 of a few hundred bytes each.
            // Only the modules named: their dependencies (the i18n set-up, connectivity) are the sign-in page's too.
            {
              name: 'frame',
              includeDependenciesRecursively: false,
              test: /(src\/(features\/shell\/(ShellFrame|nav|AccountButton)|app\/(links|useFormatters|i18n\/all-texts)|ui\/(format|PageHeader|PageSkeleton|EmptyState|ErrorState|StateBadge)|features\/(course\/seats|enrolment\/EnrolmentStatusBadge))\.tsx?$|virtual:lentera-translations\/id$|node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(@mantine\/(core\/esm\/components\/(ThemeIcon|Badge|Anchor|SimpleGrid|NavLink|Skeleton|Container|Accordion\/AccordionChevron)|hooks\/esm\/use-disclosure\/)|@tabler\/icons-react\/dist\/esm\/icons\/Icon(Users|Sitemap|School|Key|FileCertificate|ClipboardList|Checklist|ChalkboardTeacher|BuildingCommunity|BuildingBank|Books|CloudOff|Dots|ListNumbers|CircleX|CircleCheck|DeviceLaptop|MapPin|Building|Refresh|Home|MailExclamation|PlayerPlay|CalendarEvent|User|ChevronDown|Hourglass)\.mjs))/,
            },
            { name: 'app', test: /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(@apollo|rxjs|optimism|@wry|graphql|tslib|react-router)\// },
          ],
        },
      },
    },
  },
});
