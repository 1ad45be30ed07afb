/*
 * The page of the real-peers test: <grafana-alerts> configured like a portal behind a
 * proxy. No token here: the page's server adds its own, as a Backstage proxy does.
 */
import { configure } from '../../widgets/kit/index.js';
import '../../widgets/grafana-alerts/grafana-alerts.js';

configure({
  endpoints: { grafana: { api: '/proxy/grafana', ui: 'https://grafana.example.com' } },
  theme: 'light',
  locale: 'en-GB',
});
