/** Every element the package defines, one module each (`@platform-widgets/elements/<tag>.js`). */
export const WIDGET_TAGS = [
  'argo-status',
  'crossplane-status',
  'grafana-alerts',
  'grafana-panel',
  'harbor-vulns',
  'image-trail',
  'k8s-pods',
  'kargo-stages',
  'kubecost-costs',
  'tekton-runs',
  'temporal-workflows',
  'vault-secrets',
] as const;

export type WidgetTag = (typeof WIDGET_TAGS)[number];
