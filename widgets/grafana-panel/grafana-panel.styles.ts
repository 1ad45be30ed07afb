import { css } from 'lit';

export const grafanaPanelStyles = css`
  .panel {
    position: relative;
    height: var(--pw-panel-height, 300px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }
  .panel iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
  }
  .panel-status {
    position: absolute;
    top: 8px;
    left: 10px;
  }
  .dashboards {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .dashboards li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
    padding: 4px 0;
    border-bottom: 1px solid var(--_border);
  }
  .dashboards a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tags {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .tag {
    font-size: 11px;
    padding: 0 6px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
`;
