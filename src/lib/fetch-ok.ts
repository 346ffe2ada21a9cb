/** `fetch` that also fails on an HTTP error status, saying which file and which status. */
export async function fetchOk(url: string | URL): Promise<Response> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${new URL(url, location.href).pathname}: HTTP ${res.status}`);
	return res;
}

/** A JSON file of the site, parsed. */
export const fetchJson = async <T>(url: string | URL): Promise<T> => (await (await fetchOk(url)).json()) as T;
