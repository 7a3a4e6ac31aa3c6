import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runLens } from '../lib/content/run-lens';

// Detection and the drawn badge, kept small because it runs on every GitHub and Hugging Face
// page; the React popover comes as a second script (popover.content.tsx) when a badge is opened.
// An unlisted script that wxt.config.ts declares in the manifest (document_start, so the lookup
// overlaps the page's own loading), not a WXT content script: WXT wraps those in a
// ContentScriptContext whose setup alone costs more than the rest of an unrated page's visit;
// lib/content/lifetime.ts keeps the part the lens uses.
export default defineUnlistedScript(() => runLens());
