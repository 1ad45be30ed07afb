import react from '@vitejs/plugin-react';
import { msw } from 'msw/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const devRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The CSP a Backstage backend would send (see the README): the app itself, plus the widget
 * remote's origins (space-separated `PW_REMOTE_ORIGINS`) for its modules and manifest.
 */
function contentSecurityPolicy(remoteOrigins: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' ${remoteOrigins}`,
    `connect-src 'self' ${remoteOrigins}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The adapter's dev app: a real Backstage app (new frontend system, `createApp`) with a sample
 * entity, built by Vite and served with `vite preview`. The widget remote comes from another
 * origin (`?remote=` or VITE_PW_REMOTE_URL at build time).
 */
export default defineConfig({
  root: devRoot,
  base: '/',
  envDir: devRoot,
  plugins: [react(), msw({ mode: 'worker-only' })],
  define: {
    global: 'globalThis',
    'process.env.HAS_REACT_DOM_CLIENT': JSON.stringify('true'),
  },
  build: {
    outDir: `${repoRoot}dist/backstage-dev`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
  preview: {
    host: '127.0.0.1',
    strictPort: true,
    headers: { 'content-security-policy': contentSecurityPolicy(process.env['PW_REMOTE_ORIGINS'] ?? 'http://127.0.0.1:5247') },
  },
});
