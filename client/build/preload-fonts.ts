import type { Plugin } from 'vite';

/**
 * Adds <link rel="preload"> for the latin Plus Jakarta Sans files every screen draws with (400 text, 600/700
 * titles and buttons). Without it the browser asks for them only once the app has rendered text, after the
 * scripts: on slow data the swap to the web font then lands ~1 s later and becomes the largest paint.
 */
export function preloadFonts(weights: number[] = [400, 600, 700]): Plugin {
  return {
    name: 'lentera-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {});
        return weights.flatMap((weight) => {
          const file = files.find((f) => new RegExp(`plus-jakarta-sans-latin-${weight}-normal-[^/]*\\.woff2$`).test(f));
          if (!file) throw new Error(`preloadFonts: no latin ${weight} woff2 in the build`);
          return [{ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${file}`, crossorigin: '' }, injectTo: 'head' as const }];
        });
      },
    },
  };
}
