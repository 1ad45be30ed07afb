import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const argocd = process.env['FAKE_ARGOCD_URL'] ?? 'http://127.0.0.1:5215';

// The page's same-origin proxy to the tool (in production: the portal's own proxy).
export default defineConfig({
  plugins: [react()],
  preview: {
    proxy: { '/api/argocd': { target: argocd, rewrite: (path) => path.replace(/^\/api\/argocd/, '') } },
  },
});
