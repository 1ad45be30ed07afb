// Apart from the call table, so a widget can import these without the whole table in its bundle.

/** The framing headers of a page: what decides whether a browser shows it in a frame. */
export const FRAMING_HEADERS = ['x-frame-options', 'content-security-policy'] as const;

/** The query keys a panel's frame check sends (never the dashboard's `var-*` variables). */
export const FRAME_CHECK_QUERY = ['panelId', 'orgId', 'theme', 'from', 'to'] as const;
