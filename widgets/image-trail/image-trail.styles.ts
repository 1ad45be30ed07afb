import { css } from 'lit';

export const imageTrailStyles = css`
  .digest {
    margin: 0 0 8px;
    overflow-wrap: anywhere;
  }
  .trail {
    list-style: none;
    margin: 0;
    padding: 0;
    counter-reset: step;
  }
  .step {
    position: relative;
    padding: 6px 0 8px 18px;
    border-left: 2px solid var(--_border);
    margin-left: 6px;
  }
  .step-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
  }
  .headline {
    margin: 2px 0;
    overflow-wrap: anywhere;
  }
  .lines {
    list-style: none;
    margin: 2px 0 0;
    padding: 0;
    display: grid;
    gap: 3px;
  }
  .lines .pill {
    white-space: normal;
  }
`;
