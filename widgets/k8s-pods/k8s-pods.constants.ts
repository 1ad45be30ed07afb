import { unsafeCSS } from 'lit';

/** Height of one pod row in px: the list is virtualised, so every row has the same height. */
export const ROW_HEIGHT = 44;
export const ROW_HEIGHT_PX = unsafeCSS(ROW_HEIGHT);
