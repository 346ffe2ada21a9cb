// opencc-js ships its dictionaries as modules without types: each is one serialized string.
declare module 'opencc-js/dict/*' {
	const dict: string;
	export default dict;
}
