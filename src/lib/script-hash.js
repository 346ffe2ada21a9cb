/**
 * The CSP hash of an inline script (plain JavaScript: svelte.config.js imports it through csp.js;
 * its own module so the server bundle can use it without csp.js, which reads src/app.html).
 */
import { createHash } from 'node:crypto';

/**
 * `sha256-…` of an inline script's text, exactly as the browser hashes it.
 * @param {string} text
 */
export const scriptHash = (text) =>
	/** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(text).digest('base64')}`);
