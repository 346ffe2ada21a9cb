/** `fetch` that also fails on an HTTP error status, saying which file and which status. */
export async function fetchOk(url: string | URL): Promise<Response> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${new URL(url, location.href).pathname}: HTTP ${res.status}`);
	return res;
}
