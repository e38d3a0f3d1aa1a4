import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Routes are loaded with dynamic import(), so each becomes its own chunk: the first page a
// phone on slow data downloads holds only the shell, the sign-in form and the libraries.
export default defineConfig({
  plugins: [react()],
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
    chunkSizeWarningLimit: 600,
  },
});
