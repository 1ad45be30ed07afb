import { css } from 'lit';

export const serviceHealthStyles = css`
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .line {
    display: grid;
    grid-template-columns: 1.2em 1fr auto;
    gap: 4px 8px;
    align-items: baseline;
    padding: 5px 0 5px 8px;
    border-left: 4px solid var(--_tone, var(--_muted));
    border-bottom: 1px solid var(--_border);
  }
  .line + .line {
    margin-top: 2px;
  }
  .line .icon {
    color: var(--_tone, var(--_muted));
    font-weight: 700;
  }
  .text {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .links {
    display: inline-flex;
    gap: 10px;
    white-space: nowrap;
    font-size: 13px;
  }
  .inline-skeleton {
    display: inline-block;
    width: 12em;
    vertical-align: middle;
  }
  .inline-skeleton .skeleton {
    margin: 0;
  }
`;
