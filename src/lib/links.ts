/**
 * Internal links, always through `$app/paths` resolve() (the portal serves the site from a
 * sub-path), with the trailing slash the static build's `route/index.html` files need.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

export type DashboardPath = '/' | '/sangong/' | '/execution/' | '/scores/' | '/compare/' | '/sql/';

/** A dashboard page, keeping the current filters (`search` is '' or '?…'). */
export function pageHref(path: DashboardPath, search = ''): ResolvedPathname {
	return (resolve(path) + search) as ResolvedPathname;
}

/** A department's page; `hash` is '' or '#…'. */
export function orgHref(orgId: string, hash = ''): ResolvedPathname {
	return (resolve(`/org/${encodeURIComponent(orgId)}/`) + hash) as ResolvedPathname;
}
