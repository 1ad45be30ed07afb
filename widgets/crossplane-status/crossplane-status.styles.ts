import { css } from 'lit';

export const crossplaneStatusStyles = css`
  .resource {
    overflow-wrap: anywhere;
  }
  .depth-1 {
    padding-left: 16px;
  }
  .depth-2 {
    padding-left: 32px;
  }
  .depth-3 {
    padding-left: 48px;
  }
  .depth-4 {
    padding-left: 64px;
  }
  td.resource.depth-1::before,
  td.resource.depth-2::before,
  td.resource.depth-3::before,
  td.resource.depth-4::before {
    content: '└ ';
    color: var(--_muted);
  }
  .role {
    display: inline-block;
    min-width: 6.5em;
    color: var(--_muted);
    font-size: 12px;
  }
  .kind {
    font-weight: 600;
    margin-right: 4px;
  }
  .reason {
    font-size: 12px;
    color: var(--_muted);
  }
  .cell-reason {
    display: block;
  }
  tr.detail td {
    padding-top: 0;
    font-size: 12px;
  }
  tr.has-detail td {
    border-bottom: none;
  }
  .details {
    margin: 0 0 0 6.5em;
    padding: 0;
    list-style: none;
  }
  .details li + li {
    margin-top: 2px;
  }
  .details .message,
  .problem {
    overflow-wrap: anywhere;
  }
  .problem {
    margin: 0 0 0 6.5em;
  }
  .notice {
    margin: 0;
  }
`;
