import { css } from 'lit';

export const argoStatusStyles = css`
  .conditions {
    margin: 0;
    padding-left: 18px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-bottom: 6px;
  }
  .images li {
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
  }
  .commit {
    display: block;
    max-width: 40ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .operation {
    margin: 0 0 8px;
  }
  .link-button {
    border: 0;
    background: none;
    padding: 0;
    color: var(--_accent, inherit);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
  }
  .manifest-panel {
    margin-top: 8px;
    border-top: 1px solid var(--_border);
  }
  .manifest-panel h4 {
    margin: 8px 0 4px;
  }
  .manifest-tools {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  pre.manifest {
    max-height: 24rem;
    overflow: auto;
    margin: 4px 0;
    padding: 6px;
    border: 1px solid var(--_border);
    font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    white-space: pre;
  }
  .diff .added,
  .meta .added {
    background: color-mix(in srgb, #2e7d32 18%, transparent);
  }
  .diff .removed,
  .meta .removed {
    background: color-mix(in srgb, #c62828 18%, transparent);
  }
`;
