import { css } from 'lit';

export const grafanaAlertsStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.alert {
    padding: 8px 0;
    border-bottom: 1px solid var(--_border);
  }
  li.alert:first-child {
    padding-top: 0;
  }
  .name {
    overflow-wrap: anywhere;
  }
  .severity {
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .summary,
  .description,
  .labels,
  .silenced,
  .links {
    margin: 4px 0 0;
    font-size: 13px;
    overflow-wrap: anywhere;
  }
  .description {
    white-space: pre-line;
    font-size: 12px;
  }
  .labels code {
    display: inline-block;
    margin: 0 4px 2px 0;
    padding: 0 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .state-silenced .name,
  .state-inhibited .name {
    font-weight: 500;
  }
  .rules h3 {
    margin-top: 10px;
  }
  .rules li {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    padding: 2px 0;
    font-size: 13px;
  }
  .rules-note {
    margin: 8px 0 0;
  }
  .foot {
    margin: 8px 0 0;
  }
`;
