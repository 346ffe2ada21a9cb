/**
 * Every measurement of one served site, `runs` times, interleaved (floor, paint floor, `/`,
 * filter changes, console) so that all of them see the same machine load.
 */
import type { Browser } from 'playwright-core';
import { measureConsoleGroupBy, measureConsoleReady, measureConsoleRows } from './console';
import { measureFilter } from './live-page';
import { type SiteRun, measureFloor, measureHome, measurePlainFcp } from './page-load';
import type { Site } from './site';

export interface CorpusSamples {
	floor: number[];
	plainFcp: number[];
	runs: SiteRun[];
	filterHome: number[];
	filterSangong: number[];
	/** Each run's first change (right after the page went live), per route: also in the lists above. */
	firstHome: number[];
	firstSangong: number[];
	consoleReady: Awaited<ReturnType<typeof measureConsoleReady>>[];
	consoleGroupBy: number[];
	consoleRows: Awaited<ReturnType<typeof measureConsoleRows>>[];
}

/** `withRows`: also the console's 100,000-row run (the seeds only: it does not depend on the corpus). */
export async function measureCorpus(
	browser: Browser,
	site: Site,
	runs: number,
	withRows: boolean
): Promise<CorpusSamples> {
	const { origin } = site;
	const s: CorpusSamples = {
		floor: [],
		plainFcp: [],
		runs: [],
		filterHome: [],
		filterSangong: [],
		firstHome: [],
		firstSangong: [],
		consoleReady: [],
		consoleGroupBy: [],
		consoleRows: []
	};
	for (let i = 0; i < runs; i++) {
		s.floor.push(await measureFloor(browser, site));
		s.plainFcp.push(await measurePlainFcp(browser, site));
		s.runs.push(await measureHome(browser, site));
		const home = await measureFilter(browser, `${origin}/`);
		const sangong = await measureFilter(browser, `${origin}/sangong/`);
		s.filterHome.push(...home);
		s.filterSangong.push(...sangong);
		s.firstHome.push(home[0]);
		s.firstSangong.push(sangong[0]);
		s.consoleReady.push(await measureConsoleReady(browser, origin));
		s.consoleGroupBy.push(...(await measureConsoleGroupBy(browser, origin)));
		if (withRows) s.consoleRows.push(await measureConsoleRows(browser, origin));
		process.stderr.write('.');
	}
	process.stderr.write('\n');
	return s;
}
