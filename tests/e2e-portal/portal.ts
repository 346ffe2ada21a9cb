/** Where the portal build is (see build.ts) and what it holds, for the portal browser tests. */
import path from 'node:path';
import { allRoutes, orgs } from '../e2e/helpers';

export const PORTAL_ROOT = 'build-portal';
export const PORTAL_BASE = '/xxgk/jxpj';
export const PORTAL_DATASETS = path.resolve(
	PORTAL_ROOT,
	...PORTAL_BASE.split('/').filter(Boolean),
	'datasets'
);

/** Every route of the portal build, relative to its base URL (`sangong/`, `org/…/`). */
export const portalRoutes = (): string[] => allRoutes(PORTAL_DATASETS).map((r) => r.slice(1));

/** The departments whose names carry a payload. */
export const payloadOrgs = () => orgs(PORTAL_DATASETS).filter((o) => /[<>]/.test(o.org_name));
