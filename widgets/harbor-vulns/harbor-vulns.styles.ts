import { css } from 'lit';

export const harborVulnsStyles = css`
  .newest {
    margin-bottom: 8px;
  }
  .newest p {
    margin: 4px 0;
  }
  .severities {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 6px 0;
    padding: 0;
  }
  /* A pill (kit) in the severity's colour, squarer and larger. */
  .severity {
    --_tone: var(--_sev);
    gap: 6px;
    padding: 2px 10px 2px 6px;
    border-left-width: 6px;
    border-radius: var(--_radius);
    font-size: 13px;
  }
  .severity.none {
    opacity: 0.8;
  }
  .severity .n {
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    background: var(--_sev);
  }
  .sev-critical { --_sev: var(--_critical); }
  .sev-high { --_sev: var(--_high); }
  .sev-medium { --_sev: var(--_medium); }
  .sev-low { --_sev: var(--_low); }
  .mark {
    white-space: nowrap;
  }
  .mark .swatch {
    margin-right: 3px;
  }
  .sev-critical.mark,
  .sev-high.mark {
    font-weight: 600;
  }
  td.tags > * {
    display: block;
  }
  td.tags > a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  td.size {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .foot {
    margin: 8px 0 0;
  }
`;
