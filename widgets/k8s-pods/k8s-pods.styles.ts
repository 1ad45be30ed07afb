import { css } from 'lit';
import { ROW_HEIGHT_PX } from './k8s-pods.constants.js';

export const k8sPodsStyles = css`
  .counts {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .problems ul,
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .problems li,
  .events li {
    padding: 4px 0;
    border-bottom: 1px solid var(--_border);
    font-size: 13px;
  }
  .problems li > span,
  .events .message {
    display: block;
    overflow-wrap: anywhere;
  }
  .problems li > .pill {
    display: inline-flex;
  }
  .problems .fix {
    color: var(--_muted);
  }
  .wide {
    overflow-x: auto;
  }
  .deployments {
    min-width: 480px;
  }
  .conditions .pill {
    white-space: normal;
  }
  .conditions {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 4px;
    margin-top: 2px;
  }
  .section-note {
    border-left: 4px solid var(--_warn);
    background: var(--_surface);
    padding: 4px 8px;
    font-size: 12px;
    margin: 8px 0;
  }
  .pods-head {
    margin: 12px 0 6px;
  }
  .pods-head h3 {
    margin: 0;
  }
  .filter {
    font-size: 12px;
    color: var(--_muted);
  }
  .pod-scroll {
    max-height: var(--pw-list-height, 320px);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    contain: content;
  }
  .pod-table {
    min-width: 560px;
    font-size: 12px;
  }
  .unit {
    display: block;
    font-weight: 400;
    font-size: 10px;
  }
  .pod-header {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_bg);
    color: var(--_muted);
    font-weight: 600;
    font-size: 12px;
  }
  .pod-body {
    position: relative;
    overflow: hidden;
  }
  .pod-row {
    display: grid;
    grid-template-columns: minmax(132px, 1fr) 112px 58px 80px 132px 44px;
    align-items: center;
    gap: 0 4px;
    height: ${ROW_HEIGHT_PX}px;
    padding: 0 4px 0 6px;
    border-bottom: 1px solid var(--_border);
  }
  .pod-row > span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .pod-status .ready,
  .pod-status .reason {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    font-size: 11px;
    color: var(--_muted);
  }
  .pod-row > .pod-name {
    white-space: normal;
    overflow-wrap: anywhere;
    line-height: 1.25;
    max-height: 2.5em;
  }
  .resource {
    font-size: 11px;
    line-height: 1.25;
  }
  .pod-row > .resource {
    white-space: nowrap;
  }
  .restarts {
    font-weight: 700;
  }
  .logs-button {
    padding: 1px 6px;
    font-size: 12px;
  }
  .logs {
    margin-top: 10px;
  }
  .logs h3 {
    margin: 0;
  }
  .log {
    max-height: 280px;
    overflow: auto;
    margin: 6px 0 0;
    padding: 8px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_mono);
    font-size: 12px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .deployments td .pill {
    font-size: 11px;
  }
  .foot {
    margin: 8px 0 0;
  }
`;
