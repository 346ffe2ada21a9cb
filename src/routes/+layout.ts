// Every page is prerendered into build/ (adapter-static); `route/index.html` serves anywhere.
export const prerender = true;
export const trailingSlash = 'always';
