// A React page outside Backstage, written the way the package's README shows: the React
// wrappers with a typed `host`, and <pw-host> handing the contract to a widget inside it.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ArgoStatus, GrafanaPanel, PwHost, type PlatformHost } from '@platform-widgets/elements/react';

const host: PlatformHost = {
  endpoints: { argocd: { api: '/api/argocd', ui: 'https://argocd.example.com' } },
  decide: async (action) => (action === 'argocd.application.refresh' ? 'allow' : 'deny'),
  theme: 'light',
};

function Page() {
  const [argoState, setArgoState] = useState('');
  return (
    <main>
      <h1>Storefront</h1>
      <p data-testid="argo-state">{argoState}</p>
      <ArgoStatus host={host} appName="guestbook" project="default" refreshInterval={0} onPwState={(event) => setArgoState(event.detail.state)} />
      <PwHost config={{ endpoints: { grafana: { api: '/api/grafana', ui: 'https://grafana.example.com' } } }}>
        <GrafanaPanel dashboardUid="svc-overview" pattern="service" namespace="shop" service="cart" />
      </PwHost>
      {/* The JSX typings: a tag with its attributes, checked by tsc. */}
      <grafana-panel dashboard-uid="svc-overview" pattern="custom" dashboard-url="https://grafana.example.com/d/svc-overview"></grafana-panel>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
