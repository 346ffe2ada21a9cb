/**
 * The shape of an ECharts option outside its series: the key paths of its components (arrays of
 * components by index; any other array is one value). Two options of the same shape can be
 * merged: ECharts then updates axes and legends in place instead of rebuilding them, which was a
 * third of a filter change's setOption time. A property the new option lacks would survive a
 * merge, so a chart whose shape changed is replaced instead.
 */
export function optionShape(option: object): string {
	const paths: string[] = [];
	const walk = (v: unknown, path: string, components: boolean) => {
		if (Array.isArray(v)) {
			if (components) v.forEach((c, i) => walk(c, `${path}[${i}]`, false));
			else paths.push(path);
			return;
		}
		if (v === null || typeof v !== 'object') {
			paths.push(path);
			return;
		}
		for (const k of Object.keys(v).sort()) walk((v as Record<string, unknown>)[k], `${path}.${k}`, false);
	};
	for (const k of Object.keys(option).sort())
		if (k !== 'series') walk((option as Record<string, unknown>)[k], k, true);
	return paths.join('\n');
}
