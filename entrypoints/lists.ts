import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runLists } from '../lib/content/run-lists';

// Chips on list pages (search, trending, listings). Not in the manifest: the worker runs it in a
// list page once one of its results is rated (lib/background/tab-sync.ts). An unlisted script like lens.js, for the same reason: WXT's
// content-script wrapper costs more main-thread time than a list page with no rated result.
export default defineUnlistedScript(() => runLists());
