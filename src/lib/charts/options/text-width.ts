/**
 * Drawn width (px) of chart text before ECharts lays it out: a Chinese character is as wide as the
 * font size, Latin letters and digits less. For room ECharts does not make itself (legend rows,
 * bar labels past the grid).
 */
export const textWidth = (s: string, fontSize: number): number =>
	[...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.62 : 1) * fontSize, 0);
