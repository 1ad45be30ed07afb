import { css } from 'lit';

export const temporalWorkflowsStyles = css`
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .count-note {
    margin: 4px 0 0;
  }
  td.id {
    overflow-wrap: anywhere;
    max-width: 28ch;
  }
  td.id .meta {
    display: block;
  }
  dl.namespace {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
    font-size: 13px;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .links {
    margin: 0;
  }
`;
