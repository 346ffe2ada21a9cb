/**
 * The last 50 queries run in this browser (localStorage; nothing leaves the machine), newest
 * first; running a query again moves it to the top. Broken or foreign storage content is ignored.
 */
const KEY = 'jx:sql-history';
export const HISTORY_MAX = 50;

export interface HistoryEntry {
	readonly sql: string;
	/** When it last ran (ms since the epoch). */
	readonly at: number;
	readonly rows: number | null;
	readonly ok: boolean;
}

function read(): HistoryEntry[] {
	try {
		const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		if (!Array.isArray(v)) return [];
		return v
			.filter((e): e is HistoryEntry => typeof e?.sql === 'string' && typeof e?.at === 'number')
			.slice(0, HISTORY_MAX);
	} catch {
		return [];
	}
}

export const queryHistory = $state({ entries: [] as HistoryEntry[] });

/** Load from storage (browser only; call from onMount). */
export function loadHistory(): void {
	queryHistory.entries = read();
}

export function remember(entry: Omit<HistoryEntry, 'at'>): void {
	const next = [
		{ ...entry, at: Date.now() },
		...queryHistory.entries.filter((e) => e.sql !== entry.sql)
	].slice(0, HISTORY_MAX);
	queryHistory.entries = next;
	try {
		localStorage.setItem(KEY, JSON.stringify(next));
	} catch {
		// Storage full or disabled: the history lives for this page only.
	}
}

export function clearHistory(): void {
	queryHistory.entries = [];
	try {
		localStorage.removeItem(KEY);
	} catch {
		// Nothing stored to remove.
	}
}
