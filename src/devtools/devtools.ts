/** The devtools_page: creates the "FTN Tokens" panel. Capture runs in the panel page itself. */

/** Title of the panel; the DevTools panel id is `<extension origin><title>`. */
export const PANEL_TITLE = 'FTN Tokens';

// Firefox wants a real icon path; Chrome accepts one too.
chrome.devtools.panels.create(PANEL_TITLE, __IS_FIREFOX__ ? '/icon.svg' : 'icon.svg', 'panel.html', () => undefined);
