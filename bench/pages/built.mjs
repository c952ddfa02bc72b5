// The built runtime's files for the bench pages, which, unlike the embed, aren't written by the
// build: the manifest names each file's digest-named copy (tools/hashed_names.py). One small
// request more than the app makes.
const staticFolder = new URL("../../static/", import.meta.url);
const manifest = await (await fetch(new URL("vendor/manifest.json", staticFolder))).json();
const built = (name) => new URL(manifest[name], staticFolder).href;

export const files = await import(built("calendar-links-files.mjs"));
export const { loadPyodide } = await import(built("vendor/pyodide/pyodide.mjs"));
