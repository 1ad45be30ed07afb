import { css } from 'lit';

export const kargoStagesStyles = css`
  .pipeline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .pipeline li {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .pipeline li[aria-current='step'] .step {
    border-width: 2px;
  }
  .step {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 2px 6px;
  }
  .stage {
    border-top: 1px solid var(--_border);
    padding-top: 8px;
  }
  h3,
  h4 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin: 0 0 6px;
    font-size: 14px;
  }
  h4 {
    font-size: 13px;
    margin-top: 8px;
  }
  .freight,
  .available li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
  .available {
    flex-direction: column;
  }
  .issues {
    flex-direction: column;
    padding-left: 18px;
    list-style: disc;
  }
  .artifacts li,
  .history li {
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
  }
  .action-status {
    margin: 6px 0 0;
  }
`;
