/*
 * ▼ The widgets this page shows: each import registers a widget's tag. Add k8s-pods,
 * harbor-vulns, … here, put their elements in index.html's grid (marked "MORE WIDGETS"),
 * their mock handlers in mocks.ts and their endpoints in portal.config.ts.
 * main.ts imports this after portal.ts, so the host is in place when a widget connects.
 */
import '../widgets/argo-status/argo-status.js';
import '../widgets/crossplane-status/crossplane-status.js';
import '../widgets/k8s-pods/k8s-pods.js';
import '../widgets/kargo-stages/kargo-stages.js';
import '../widgets/kubecost-costs/kubecost-costs.js';
import '../widgets/tekton-runs/tekton-runs.js';
import '../widgets/temporal-workflows/temporal-workflows.js';
import '../widgets/vault-secrets/vault-secrets.js';
