import type { Decision, Theme } from '../widgets/kit/host.js';
import { ARGO_SCENARIOS, type ArgoScenario } from '../widgets/argo-status/fixtures/handlers.js';
import type { PortalConfig } from './portal.config.js';

/** What a visitor can change; all of it lives in the URL so a state can be linked (and opened by e2e). */
export interface Settings {
  mock: boolean;
  scenario: ArgoScenario;
  permission: Decision;
  theme: Theme;
  tab: string;
}

/** Labels of the scenarios the switcher offers, in order (every mock scenario of argo-status). */
export const SCENARIO_LABELS: Readonly<Record<ArgoScenario, string>> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  'out-of-sync': 'Out of sync',
  'sync-running': 'Sync running',
  'sync-failed': 'Sync failed',
  outage: 'Outage',
  'no-access': 'No access',
  'sign-in': 'Sign-in needed',
};

/** What each scenario does to the mock Argo CD, for the switcher's hint. */
export const SCENARIO_HINTS: Readonly<Record<ArgoScenario, string>> = {
  healthy: 'Everything synced and healthy.',
  degraded: 'guestbook’s Deployment is Degraded.',
  'out-of-sync': 'guestbook is out of sync, with a sync error.',
  'sync-running': 'A sync of guestbook is running.',
  'sync-failed': 'The last sync of guestbook failed.',
  outage: 'Argo CD answers 503 to everything.',
  'no-access': 'Argo CD answers 403: the user may not see these apps.',
  'sign-in': 'Argo CD answers 401: the session has expired.',
};

export const TABS = ['overview', 'cd', 'platform', 'operations'] as const;
export type Tab = (typeof TABS)[number];

function isScenario(value: string | null): value is ArgoScenario {
  return (ARGO_SCENARIOS as readonly (string | null)[]).includes(value);
}

function flag(value: string | null | undefined): boolean | undefined {
  if (value == null || value === '') return undefined;
  if (['1', 'on', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'off', 'false', 'no'].includes(value.toLowerCase())) return false;
  return undefined;
}

/** The query wins over the environment (VITE_PORTAL_MOCK), which wins over portal.config.ts. */
export function readSettings(search: string, config: PortalConfig, envMock: string | undefined): Settings {
  const query = new URLSearchParams(search);
  const scenario = query.get('scenario');
  const tab = query.get('tab');
  return {
    mock: flag(query.get('mock')) ?? flag(envMock) ?? config.mock,
    scenario: isScenario(scenario) ? scenario : config.scenario,
    permission: query.get('perm') === 'deny' ? 'deny' : 'allow',
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
    tab: tab && (TABS as readonly string[]).includes(tab) ? tab : 'overview',
  };
}

/** The settings as a query string; defaults are left out so a plain URL stays plain. */
export function settingsQuery(settings: Settings, config: PortalConfig, search: string): string {
  const query = new URLSearchParams(search);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) query.delete(key);
    else query.set(key, value);
  };
  set('scenario', settings.scenario, config.scenario);
  set('perm', settings.permission, 'allow');
  set('theme', settings.theme, 'light');
  set('tab', settings.tab, 'overview');
  const text = query.toString();
  return text ? `?${text}` : '';
}
