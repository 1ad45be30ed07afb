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
  .images {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
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
`;
