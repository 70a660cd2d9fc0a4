import { renderPage, type Page } from '../http/pageSecurity';
import { CLIENT_APP } from './admin-page/clientApp';
import { CLIENT_CORE } from './admin-page/clientCore';
import { CLIENT_KEYS } from './admin-page/clientKeys';
import { CLIENT_RULES } from './admin-page/clientRules';
import { CLIENT_USAGE } from './admin-page/clientUsage';
import { ADMIN_PAGE_MARKUP } from './admin-page/markup';
import { ADMIN_PAGE_STYLES } from './admin-page/styles';

/** The page's script: plain DOM JavaScript in one strict-mode function scope. */
const SCRIPT = `(function () {\n'use strict';\n${CLIENT_CORE}\n${CLIENT_RULES}\n${CLIENT_KEYS}\n${CLIENT_USAGE}\n${CLIENT_APP}\n})();`;
if (/<\/(script|style)/i.test(SCRIPT + ADMIN_PAGE_STYLES)) throw new Error('The admin page script or style must not close its element');

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The admin page served at GET /admin: one self-contained document (its own inline style and script,
 * allowed by hash; nothing else loads or runs). It asks for the admin token, keeps it in session storage
 * only, and manages an account's keys over the internal GraphQL API at `endpoint` (same origin); every
 * value from the server reaches the page through `textContent` or properties, never as markup.
 */
export function adminPage(endpoint: string): Page {
  return renderPage({ title: 'contentgate admin', body: ADMIN_PAGE_MARKUP, data: { endpoint }, style: ADMIN_PAGE_STYLES, script: SCRIPT });
}
