/** Debian's Chromium (Playwright's own download does not work here), as the tests and benchmarks launch it. */
export const CHROMIUM_LAUNCH = {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};
