import { huggingfaceKey } from '../match-keys';
import type { Detector } from './types';

/**
 * First path segments that are Hugging Face's own pages rather than a user or org, so
 * `/<name>/<x>` is never a model. `datasets` and `spaces` are handled before this check.
 * Hugging Face publishes no list, so this is collected from the site's navigation and docs.
 * Exported for the property tests, which generate names outside it.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(
  `
  about api authors avatars billing blog brand careers changelog chat code-of-conduct collections
  contact content-guidelines datasets-json docs enterprise front hardware huggingchat
  inference inference-api inference-endpoints jobs join learn legal login logout mcp metrics
  models models-json new new-collection new-dataset new-model new-space notifications oauth
  organizations papers posts pricing privacy pro search security settings sitemap
  spaces-json storage subscribe support tasks team terms-of-service welcome
`
    .trim()
    .split(/\s+/),
);

/** Second segments under a user that are profile tabs, e.g. `/julien-c/activity/community`. */
export const PROFILE_TABS: ReadonlySet<string> = new Set(['activity']);

/** The `datasets/` or `spaces/` prefix of a repository path; models have none. */
export const TYPED_PREFIXES: ReadonlySet<string> = new Set(['datasets', 'spaces']);

// Matches the feed schema's Hugging Face names, so every detected key can exist in the feed.
const NAME = /^[a-z0-9][a-z0-9._-]{0,95}$/;

export const huggingface: Detector = {
  site: 'huggingface',

  detect(url) {
    if (url.protocol !== 'https:' || url.port !== '') return null;
    const host = url.hostname.replace(/\.$/, '');
    if (host !== 'huggingface.co' && host !== 'www.huggingface.co') return null;

    // Repository names resolve case-insensitively; the key vocabulary is lower case.
    const segments = url.pathname.toLowerCase().split('/', 4);
    const first = segments[1] ?? '';
    const typed = TYPED_PREFIXES.has(first);
    const org = (typed ? segments[2] : first) ?? '';
    const name = (typed ? segments[3] : segments[2]) ?? '';

    if (!NAME.test(org) || !NAME.test(name)) return null;
    if (!typed && (RESERVED_NAMES.has(org) || PROFILE_TABS.has(name))) return null;

    const label = typed ? `${first}/${org}/${name}` : `${org}/${name}`;
    return { site: 'huggingface', keys: [huggingfaceKey(label)], label };
  },

  examples: {
    match: {
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct': 'meta-llama/llama-3.1-8b-instruct',
      'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/':
        'meta-llama/llama-3.1-8b-instruct',
      'https://www.huggingface.co/openai/whisper-large-v3': 'openai/whisper-large-v3',
      'https://huggingface.co/openai/whisper-large-v3?library=transformers':
        'openai/whisper-large-v3',
      'https://huggingface.co/openai/whisper-large-v3#model-details': 'openai/whisper-large-v3',
      'https://huggingface.co/Qwen/Qwen2.5-7B/tree/main': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/README.md': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/resolve/main/config.json': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/discussions': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/discussions/3': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/commits/main': 'qwen/qwen2.5-7b',
      'https://huggingface.co/Qwen/Qwen2.5-7B/settings': 'qwen/qwen2.5-7b',
      'https://huggingface.co/huggingface/ml-intern': 'huggingface/ml-intern',
      'https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2':
        'sentence-transformers/all-minilm-l6-v2',
      'https://huggingface.co/datasets/HuggingFaceFW/fineweb': 'datasets/huggingfacefw/fineweb',
      'https://huggingface.co/datasets/HuggingFaceFW/fineweb/viewer':
        'datasets/huggingfacefw/fineweb',
      'https://huggingface.co/datasets/HuggingFaceFW/fineweb/viewer/default/train?p=2':
        'datasets/huggingfacefw/fineweb',
      'https://huggingface.co/datasets/rajpurkar/squad/tree/main/plain_text':
        'datasets/rajpurkar/squad',
      'https://huggingface.co/datasets/rajpurkar/squad/discussions/1': 'datasets/rajpurkar/squad',
      'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard':
        'spaces/open-llm-leaderboard/open_llm_leaderboard',
      'https://huggingface.co/spaces/black-forest-labs/FLUX.1-dev/':
        'spaces/black-forest-labs/flux.1-dev',
      'https://huggingface.co/spaces/black-forest-labs/FLUX.1-dev/blob/main/app.py':
        'spaces/black-forest-labs/flux.1-dev',
      'https://huggingface.co/spaces/black-forest-labs/FLUX.1-dev/discussions/7':
        'spaces/black-forest-labs/flux.1-dev',
      'https://huggingface.co/spaces/black-forest-labs/FLUX.1-dev/settings':
        'spaces/black-forest-labs/flux.1-dev',
      'https://huggingface.co./google/gemma-2-9b': 'google/gemma-2-9b',
    },
    reject: [
      'https://huggingface.co',
      'https://huggingface.co/',
      'https://huggingface.co/docs',
      'https://huggingface.co/docs/transformers/index',
      'https://huggingface.co/docs/hub/repositories',
      'https://huggingface.co/pricing',
      'https://huggingface.co/models',
      'https://huggingface.co/models?search=llama',
      'https://huggingface.co/models/meta-llama/llama',
      'https://huggingface.co/datasets',
      'https://huggingface.co/datasets?search=squad',
      'https://huggingface.co/spaces',
      'https://huggingface.co/spaces?search=flux&sort=trending',
      'https://huggingface.co/huggingface',
      'https://huggingface.co/meta-llama',
      'https://huggingface.co/meta-llama/',
      'https://huggingface.co/julien-c/activity/community',
      'https://huggingface.co/datasets/HuggingFaceFW',
      'https://huggingface.co/datasets/HuggingFaceFW/',
      'https://huggingface.co/spaces/black-forest-labs',
      'https://huggingface.co/blog/smollm',
      'https://huggingface.co/blog/community/some-post',
      'https://huggingface.co/papers/2401.12345',
      'https://huggingface.co/collections/meta-llama/llama-31-669fc079a0c406a149a5738f',
      'https://huggingface.co/posts/julien-c/123456',
      'https://huggingface.co/login',
      'https://huggingface.co/login?next=%2Fsettings',
      'https://huggingface.co/join',
      'https://huggingface.co/settings/tokens',
      'https://huggingface.co/settings/profile',
      'https://huggingface.co/organizations/huggingface/settings',
      'https://huggingface.co/enterprise',
      'https://huggingface.co/learn/nlp-course/chapter1/1',
      'https://huggingface.co/tasks/text-generation',
      'https://huggingface.co/chat',
      'https://huggingface.co/chat/conversation/abc123',
      'https://huggingface.co/api/models/meta-llama/llama',
      'https://huggingface.co/new',
      'https://huggingface.co/new-space',
      'https://huggingface.co/new-dataset',
      'https://huggingface.co/notifications',
      'https://huggingface.co/inference-endpoints/dedicated',
      'https://huggingface.co/terms-of-service',
      'https://huggingface.co/privacy',
      'https://huggingface.co/changelog',
      'https://huggingface.co/welcome',
      'https://huggingface.co/brand',
      'https://huggingface.co/hardware',
      'https://huggingface.co/storage',
      'https://huggingface.co/authors',
      'https://huggingface.co/front/assets/huggingface_logo.svg',
      'https://huggingface.co/-bad/model',
      'https://huggingface.co/org/.hidden',
      'https://huggingface.co/org/na%20me',
      'https://huggingface.co//org/name',
      'http://huggingface.co/meta-llama/Llama-3.1-8B-Instruct',
      'https://huggingface.co:8443/meta-llama/Llama-3.1-8B-Instruct',
      'https://discuss.huggingface.co/t/some-topic/123',
      'https://black-forest-labs-flux-1-dev.hf.space/',
    ],
  },
};
