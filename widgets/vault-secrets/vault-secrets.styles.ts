import { css } from 'lit';

export const vaultSecretsStyles = css`
  td.name {
    padding-inline-start: calc(var(--depth, 0) * 18px);
    overflow-wrap: anywhere;
  }
  .folder-status td {
    padding-inline-start: calc(var(--depth, 0) * 18px + 22px);
  }
  .disclosure {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: none;
    background: none;
    padding: 0;
    font-family: var(--_mono);
    font-size: 12px;
    text-align: start;
  }
  .chevron {
    display: inline-block;
    width: 1em;
  }
  .links {
    white-space: nowrap;
    text-align: end;
  }
  .links a + a {
    margin-inline-start: 8px;
  }
  .custom {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 2px;
  }
  .chip {
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  .footer {
    margin-top: 8px;
  }
`;
