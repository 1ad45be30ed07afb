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
  .links {
    margin: 0;
  }
`;
