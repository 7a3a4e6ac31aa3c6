import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runLists } from '../lib/content/run-lists';

// Chips on list pages (search, trending, listings). Not in the manifest: the background runs it
// in a frame whose lens asked about a list page, so the always-on lens.js stays small and pages
// that are not lists never load it. An unlisted script like lens.js, for the same reason: WXT's
// content-script wrapper costs more main-thread time than a list page with no rated result.
export default defineUnlistedScript(() => runLists());
