import type { DiagnosisRule, Finding } from '../kit/index.js';
import type { Vulnerability, VulnerabilityReports } from './harbor-vulns.api.js';
import { pickReport, shortDigest, type ArtifactView } from './harbor-vulns.model.js';

export interface HarborDiagnosisInput {
  /** Newest push first. */
  artifacts: readonly ArtifactView[];
  /** The full report of `artifacts[0]`, when it was read. */
  report?: VulnerabilityReports;
  /** The artifact page in Harbor (its Vulnerabilities tab). */
  link: (digest: string) => string | undefined;
}

const name = (artifact: ArtifactView) => artifact.tags.map((tag) => tag.name).join(', ') || shortDigest(artifact.digest);

/** Critical findings that have a fixed version, grouped by package (one upgrade fixes them all). */
function fixableCriticals(vulnerabilities: readonly Vulnerability[]): Map<string, Vulnerability[]> {
  const byPackage = new Map<string, Vulnerability[]>();
  for (const v of vulnerabilities) {
    if (v.severity?.toLowerCase() !== 'critical' || !v.fix_version) continue;
    const key = `${v.package ?? '?'}@${v.version ?? ''}`;
    byPackage.set(key, [...(byPackage.get(key) ?? []), v]);
  }
  return byPackage;
}

/** Harbor's problems and their usual fix, for the newest image of the repository. */
export const HARBOR_RULES: ReadonlyArray<DiagnosisRule<HarborDiagnosisInput>> = [
  {
    id: 'critical-fixable',
    title: 'Critical vulnerability with a fix',
    why: 'The image ships a package version with a known critical vulnerability that a newer version of the package fixes: usually an old base image or a pinned dependency.',
    fix: 'Upgrade the package (or rebuild on a patched base image), push, and let Harbor rescan.',
    find: ({ artifacts: [newest], report: reports, link }) => {
      const report = pickReport(reports)?.report;
      if (!newest || !report) return [];
      return [...fixableCriticals(report.vulnerabilities ?? []).values()].map((found): Finding => {
        const first = found[0] as Vulnerability;
        const fixes = [...new Set(found.map((v) => v.fix_version))].join(' / ');
        return {
          subject: `${first.package ?? 'package'} ${first.version ?? ''} in ${name(newest)}`.replace(/\s+/g, ' '),
          seen: `${found.map((v) => v.id).join(', ')} (critical)`,
          fixDetail: `Fixed in ${first.package ?? 'the package'} ${fixes}.`,
          link: link(newest.digest),
        };
      });
    },
  },
  {
    id: 'critical-fixable-summary',
    title: 'Critical vulnerabilities, some fixable',
    why: 'The scan found critical vulnerabilities and counts fixable ones; the full report could not be read to name them.',
    fix: 'Open the artifact’s vulnerabilities in Harbor, upgrade the packages that have a fixed version, push and rescan.',
    find: ({ artifacts: [newest], report, link }) => {
      const counts = newest?.scan.counts;
      if (!newest || report || !counts?.critical || !newest.scan.fixable) return [];
      return [{ subject: name(newest), seen: `${counts.critical} critical; ${newest.scan.fixable} of all findings fixable`, link: link(newest.digest) }];
    },
  },
  {
    id: 'scan-failed',
    title: 'Scan failed',
    why: 'The scanner could not scan the newest image: the scanner (Trivy) is unhealthy, its vulnerability database could not be downloaded, or the image format is not supported.',
    fix: 'Check the scanner in Harbor’s Interrogation Services, then scan the artifact again.',
    find: ({ artifacts: [newest], link }) =>
      newest?.scan.state === 'error' ? [{ subject: name(newest), seen: 'scan status Error', link: link(newest.digest) }] : [],
  },
];
