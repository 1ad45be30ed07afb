/** Every element the package defines, one module each (`@platform-widgets/elements/<tag>.js`). */
export const WIDGET_TAGS = [
  'argo-status',
  'crossplane-status',
  'grafana-alerts',
  'grafana-panel',
  'harbor-vulns',
  'k8s-pods',
  'kargo-stages',
  'kubecost-costs',
  'service-health',
  'tekton-runs',
  'temporal-workflows',
  'vault-secrets',
] as const;

export type WidgetTag = (typeof WIDGET_TAGS)[number];
