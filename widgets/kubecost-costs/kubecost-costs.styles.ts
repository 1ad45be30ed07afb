import { css } from 'lit';

/*
 * Each cost category has its own fill pattern as well as its own colour,
 * so the stacked bar and the table swatches can be told apart without colour.
 */
export const kubecostCostsStyles = css`
  :host {
    --_cpu: var(--pw-cost-cpu, var(--_info));
    --_ram: var(--pw-cost-ram, var(--_progress));
    --_gpu: var(--pw-cost-gpu, var(--_high));
    --_pv: var(--pw-cost-pv, var(--_ok));
    --_network: var(--pw-cost-network, var(--_warn));
    --_shared: var(--pw-cost-shared, var(--_low));
    --_other: var(--pw-cost-other, var(--_muted));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
  }
  .windows {
    display: inline-flex;
    align-items: center;
    gap: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .windows legend {
    float: left;
    margin-right: 8px;
    color: var(--_muted);
    font-size: 12px;
  }
  .window-option {
    position: relative;
  }
  .window-option input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
  }
  .window-option span {
    display: inline-block;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    margin-left: -1px;
    background: var(--_surface);
    font-size: 13px;
    cursor: pointer;
  }
  .window-option:first-of-type span {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .window-option:last-of-type span {
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .window-option input:checked + span {
    background: var(--_bg);
    border-color: var(--_accent);
    font-weight: 600;
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .window-option input:focus-visible + span {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    position: relative;
    z-index: 1;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 32px;
    margin: 0;
  }
  .figures dt {
    color: var(--_muted);
    font-size: 12px;
  }
  .figures dd {
    margin: 0;
  }
  .total {
    font-size: 22px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .trend {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--_accent);
  }
  .trend .meta {
    color: var(--_muted);
  }
  .split-labels,
  .split-bar {
    display: flex;
    gap: 2px;
  }
  .split-labels span {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: 12px;
    min-width: 0;
  }
  .split-bar {
    height: 14px;
    margin: 2px 0 8px;
  }
  .segment {
    min-width: 3px;
    border-radius: 2px;
  }
  .segment,
  .swatch {
    background-color: var(--_cat);
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    margin-right: 6px;
    vertical-align: -1px;
    border-radius: 2px;
    border: 1px solid var(--_border);
  }
  .cat-cpu {
    --_cat: var(--_cpu);
  }
  .cat-ram {
    --_cat: var(--_ram);
    background-image: repeating-linear-gradient(45deg, transparent 0 3px, var(--_bg) 3px 5px);
  }
  .cat-gpu {
    --_cat: var(--_gpu);
    background-image: radial-gradient(var(--_bg) 1.2px, transparent 1.6px);
    background-size: 5px 5px;
  }
  .cat-pv {
    --_cat: var(--_pv);
    background-image: repeating-linear-gradient(0deg, transparent 0 3px, var(--_bg) 3px 5px);
  }
  .cat-network {
    --_cat: var(--_network);
    background-image: repeating-linear-gradient(-45deg, transparent 0 3px, var(--_bg) 3px 5px);
  }
  .cat-shared {
    --_cat: var(--_shared);
    background-image: repeating-linear-gradient(90deg, transparent 0 3px, var(--_bg) 3px 5px);
  }
  .cat-other {
    --_cat: var(--_other);
    background-image: repeating-linear-gradient(45deg, transparent 0 2px, var(--_bg) 2px 3px), repeating-linear-gradient(-45deg, transparent 0 2px, var(--_bg) 2px 3px);
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    padding-right: 0;
    padding-left: 8px;
  }
  tbody th,
  tfoot th {
    color: var(--_fg);
    font-size: 13px;
    font-weight: 400;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-bottom: 0;
  }
`;
