import { css } from 'lit';

export const tektonRunsStyles = css`
  td.run > * {
    display: block;
  }
  td.run > a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .problem,
  .scan {
    font-size: 12px;
    margin-top: 2px;
    overflow-wrap: anywhere;
  }
  .severity.serious {
    font-weight: 700;
  }
  .reason {
    display: block;
  }
  .foot {
    margin: 8px 0 0;
  }
`;
