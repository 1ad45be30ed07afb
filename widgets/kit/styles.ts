import { css } from 'lit';
import { badgeStyles } from './badge.js';

/** Layout shared by every widget: card, header, table, pills, buttons, notices. */
export const kitStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: 14px;
    line-height: 1.45;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px 14px;
    min-height: var(--pw-min-height, 0);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin-bottom: 8px;
  }
  .title {
    font-size: 15px;
    font-weight: 600;
    margin: 0;
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    font-size: 12px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 10px;
    align-items: center;
  }
  .stack > * + * {
    margin-top: 10px;
  }
  h3 {
    font-size: 13px;
    font-weight: 600;
    margin: 12px 0 6px;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  code,
  .mono {
    font-family: var(--_mono);
    font-size: 12px;
  }
  .muted {
    color: var(--_muted);
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px 1px 6px;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_tone, var(--_muted));
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_fg);
    font-size: 12px;
    white-space: nowrap;
  }
  .pill .icon {
    color: var(--_tone, var(--_muted));
    font-weight: 700;
  }
  /* A wrapping row of small items (images, artifacts, issues), no bullets. */
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tone-ok { --_tone: var(--_ok); }
  .tone-warn { --_tone: var(--_warn); }
  .tone-error { --_tone: var(--_error); }
  .tone-progress { --_tone: var(--_progress); }
  .tone-info { --_tone: var(--_info); }
  .tone-unknown { --_tone: var(--_muted); }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  th,
  td {
    text-align: left;
    padding: 4px 8px 4px 0;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
    font-size: 12px;
  }
  .scroll {
    max-height: var(--pw-list-height, 320px);
    overflow: auto;
  }
  /* Controls share the card's type and frame; inputs sit on the background, buttons on the surface. */
  button,
  .button,
  input,
  select {
    font: inherit;
    font-size: 13px;
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  button,
  .button {
    background: var(--_surface);
    padding: 3px 10px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
  }
  button[aria-disabled='true'],
  button:disabled {
    cursor: not-allowed;
    opacity: 0.75;
  }
  input,
  select {
    background: var(--_bg);
    padding: 2px 6px;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 0;
    font-size: 13px;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .notice {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 10px 12px;
    background: var(--_surface);
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
    border-left: 4px solid var(--_warn);
    background: var(--_surface);
    padding: 4px 8px;
    margin-bottom: 8px;
    font-size: 12px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .skeleton {
    display: block;
    height: 14px;
    margin: 8px 0;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
    background-size: 200% 100%;
    animation: pw-shimmer 1.4s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @keyframes pw-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  .diagnoses ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .diagnoses li {
    padding: 6px 0;
    border-bottom: 1px solid var(--_border);
    font-size: 13px;
  }
  .diagnoses li > span,
  .diagnoses li > a {
    display: block;
    overflow-wrap: anywhere;
  }
  .diagnoses .diagnosis-why {
    color: var(--_muted);
  }
  .diagnoses .diagnosis-subject {
    font-weight: 600;
  }
  dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(480px, 90vw);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  ${badgeStyles}
`;
