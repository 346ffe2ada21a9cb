/**
 * A V8 CPU profile (DevTools' `Profiler.stop`) summed by function: self time (samples in the
 * function itself), total time (samples in it or anything it called, a recursive function
 * counted once), and for one function the call chains that lead to it.
 */

export interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}
export interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}
export interface CpuProfile {
	nodes: ProfileNode[];
	/** Node id of each sample. */
	samples: number[];
	/** µs from the sample before (the first: from the start) to each sample. */
	timeDeltas: number[];
}

const file = (url: string) => url.split('/').pop() ?? url;
/** `name file.js:line` (0-based line, as in the profile). */
export const label = (f: CallFrame): string =>
	`${f.functionName || '(anonymous)'} ${file(f.url)}:${f.lineNumber}`;

interface Indexed {
	nodes: Map<number, ProfileNode>;
	parent: Map<number, number>;
	/** Self ms by node id. */
	self: Map<number, number>;
}

function index(p: CpuProfile): Indexed {
	const nodes = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<number, number>();
	p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
	return { nodes, parent, self };
}

/** Self and total ms by function label. */
export function timesByFunction(p: CpuProfile): { self: Map<string, number>; total: Map<string, number> } {
	const { nodes, parent, self } = index(p);
	const bySelf = new Map<string, number>();
	const total = new Map<string, number>();
	for (const [id, ms] of self) {
		const k = label(nodes.get(id)!.callFrame);
		bySelf.set(k, (bySelf.get(k) ?? 0) + ms);
		const seen = new Set<string>();
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			const up = label(nodes.get(cur)!.callFrame);
			if (seen.has(up)) continue;
			seen.add(up);
			total.set(up, (total.get(up) ?? 0) + ms);
		}
	}
	return { self: bySelf, total };
}

/** For a function name: ms spent in it (and below) by the chain of up to `depth` callers above it. */
export function callersOf(p: CpuProfile, functionName: string, depth = 5): Map<string, number> {
	const { nodes, parent, self } = index(p);
	const inclusive = (id: number): number =>
		(self.get(id) ?? 0) + (nodes.get(id)!.children ?? []).reduce((s, c) => s + inclusive(c), 0);
	const out = new Map<string, number>();
	for (const n of p.nodes) {
		if (n.callFrame.functionName !== functionName) continue;
		const chain: string[] = [];
		for (let cur = parent.get(n.id); cur !== undefined && chain.length < depth; cur = parent.get(cur)) {
			const f = nodes.get(cur)!.callFrame;
			chain.push(`${label(f)}:${f.columnNumber}`);
		}
		const k = chain.join(' < ');
		out.set(k, (out.get(k) ?? 0) + inclusive(n.id));
	}
	return out;
}

/** The `n` largest entries, largest first. */
export const top = (m: Map<string, number>, n: number): [string, number][] =>
	[...m].sort((a, b) => b[1] - a[1]).slice(0, n);
