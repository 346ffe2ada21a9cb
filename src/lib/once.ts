/** `f` run at the first call and its promise shared by every call after; a failure is forgotten, so the next call tries again. */
export const once = <T>(f: () => Promise<T>) => {
	let p: Promise<T> | null = null;
	return (): Promise<T> => {
		p ??= f().catch((e: unknown) => {
			p = null;
			throw e;
		});
		return p;
	};
};
