/**
 * The WPS 加载项's main page script (index.html loads it; WPS keeps that page for the add-in's life):
 * it defines window.ribbon, whose methods ribbon.xml names as callbacks.
 */
import type { WpsGlobal } from './etApi';
import { createRibbon } from './ribbon';

declare const wps: WpsGlobal;

/** The add-in folder's URL (index.html's directory): task pane pages are opened from it. */
const baseUrl = document.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
(window as unknown as { ribbon: unknown }).ribbon = createRibbon(wps, baseUrl);
