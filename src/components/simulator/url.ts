/**
 * Each embed keeps its scenario in its own query parameter (`?sim-<id>=p:server;c:HalfAtATime;…#sim-<id>`), so
 * several simulators on one page never clash and a shared link opens at the right one.
 */
export const paramName = (id: string) => `sim-${id}`;

/** Characters a query value may hold as they are (RFC 3986 pchar minus `&`, `=`, `+`, `#`): readable links. */
const encodeValue = (value: string) => value.replace(/[^A-Za-z0-9.:;,_-]/g, (c) => encodeURIComponent(c));

/** The page URL with one simulator's parameter set (or removed with `undefined`), pointing at the embed. */
export function withState(href: string, id: string, encoded: string | undefined): string {
	const url = new URL(href);
	const name = paramName(id);
	const pairs = [...new URLSearchParams(url.search)].filter(([key]) => key !== name);
	if (encoded !== undefined) pairs.push([name, encoded]);
	const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeValue(v)}`).join('&');
	return `${url.origin}${url.pathname}${query ? `?${query}` : ''}#${name}`;
}

export function stateFromUrl(href: string, id: string): string | undefined {
	return new URL(href).searchParams.get(paramName(id)) ?? undefined;
}
