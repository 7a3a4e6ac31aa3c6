import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The one real saved page (data/pages/000_…) and, written out as literals, everything it states: the
 * ground truth the parser is held to. Kept as literals rather than read back from the page, so a
 * parser bug cannot hide by agreeing with itself.
 */

export const SHARED_PAGE_FILE = 'data/pages/000_d25ab3c82b087462.txt';
export const SHARED_HTML_FILE = 'tests/fixtures/pages/000_d25ab3c82b087462.html';

const repo = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
export const readRepoFile = (path: string): string => readFileSync(repo(path), 'utf8');
export const SHARED_PAGE = readRepoFile(SHARED_PAGE_FILE);

export const TITLE = 'Cursor v0.50 – Background Agent & Codebase Refactoring vs ml-intern';

export const CURSOR = {
  category: 'Developer Tools',
  name: 'Cursor v0.50 – Background Agent & Codebase Refactoring',
  tagline: 'Async AI coding agent that works while you do',
  panelShip: 100,
  community: null,
  entry: 'Free',
  description:
    'Cursor v0.50 introduces a persistent Background Agent that runs long-horizon coding tasks asynchronously, letting developers continue working while the AI handles multi-step problems in the background. The update also ships a codebase-wide refactoring tool that understands project-level dependency graphs, not just local context. Both features are available immediately to all Pro and Business subscribers.',
  reviews: [
    {
      reviewerId: 'builder',
      quote:
        "The primitive here is a persistent, async task executor that holds editor context across a session — not just a chat thread with memory, but an agent that can be dispatched and polled while you stay in flow. The DX bet is that developers don't want to babysit the model, and the Background Agent is the right answer to that problem. The moment of truth is dispatching your first long refactor and realizing your cursor is still free — that's the thing. Codebase-wide refactoring with actual dependency understanding is the feature I've wanted since Copilot shipped; this isn't a wrapper around an AST grep, it's context-aware at the project level. The specific technical decision that earns the ship: decoupling agent execution from editor focus is the correct architectural choice, and Cursor actually built it instead of faking it with a loading spinner.",
    },
    {
      reviewerId: 'skeptic',
      quote:
        "The direct competitor here is GitHub Copilot Workspace, which has been promising long-horizon async tasks for over a year and still feels like a beta with a roadmap slide attached. Cursor's Background Agent is actually in the product and shipping to Pro users today — that's the moat right now, which is execution speed, not architecture. The scenario where this breaks is large monorepos with complex dependency graphs: the refactoring tool's 'project-level understanding' claim is going to hit a ceiling at scale, and I'd want to see it on a 500k-line codebase before I believe the marketing. What kills this in 12 months isn't a competitor — it's if the underlying model providers ship this natively inside VS Code and JetBrains extensions, which they are clearly building. For now, Cursor is executing fast enough that they'll have built enough workflow lock-in before that happens. Shipping with the caveat: test the refactoring tool on your actual repo before betting a sprint on it.",
    },
    {
      reviewerId: 'futurist',
      quote:
        "The thesis Cursor is betting on: within 2 years, developers will manage multiple concurrent AI agents the way they manage multiple browser tabs — asynchronously, with human review as the bottleneck, not human execution. The Background Agent is infrastructure for that world, and it's the first editor-native implementation I've seen that isn't a chatbot with a progress bar. The second-order effect if this works isn't faster code — it's that the unit of developer output shifts from 'commits per day' to 'tasks supervised per day,' which redefines what a senior engineer is worth and what a junior engineer gets hired to do. Cursor is riding the trend of model context windows expanding past 200k tokens, which makes project-level reasoning tractable in a way it wasn't 18 months ago — they are on-time to this trend, not early. The future state where this is infrastructure: every PR is opened by an agent, reviewed by a human, and the editor is a supervision interface. Cursor is building that interface right now.",
    },
    {
      reviewerId: 'product',
      quote:
        "The job-to-be-done is sharp: 'run a multi-file coding task without stopping what I'm doing.' Background Agent nails that single job, and the codebase-wide refactoring is a genuine companion feature — not a checklist addition, because it solves the next immediate problem after 'who runs the task' which is 'does it understand the full blast radius.' Onboarding concern: dispatching your first background task requires trust that the agent won't silently wreck something while you're heads-down elsewhere, and I don't see evidence of a strong 'diff review' surface described in the changelog — that's the product gap. The opinionated choice Cursor made is that async is the right default, and I agree, but the product isn't complete until the 'agent did something while you were away' review flow is as good as the dispatch flow. Ship, but the product is 80% done on the vision: the supervision and review surface is the missing 20% that will determine whether this becomes a workflow or a liability.",
    },
  ],
};

export const ML_INTERN = {
  category: 'Developer Tools',
  name: 'ml-intern',
  tagline: "HuggingFace's open-source ML engineer that reads papers and trains models",
  panelShip: 75,
  community: null,
  entry: 'Paid',
  description:
    "Hugging Face just open-sourced ml-intern — an autonomous AI agent that acts as a full ML engineer. It reads research papers, spins up training jobs, evaluates results, and ships production-ready models with minimal human intervention. The project hit nearly 6,000 stars on GitHub and was the second-fastest trending repo on the platform today. The system runs an agentic loop of up to 300 LLM iterations, with tool access covering HuggingFace docs, dataset search, GitHub code lookup, sandbox execution, and MCP server integrations. It supports Claude and other providers via litellm, includes doom-loop detection to prevent stuck agents, and has an approval gate for sensitive operations like destructive commands or job submissions. This is Hugging Face's biggest bet yet on agentic ML automation. Rather than wrapping an LLM in a chat interface, they've built something that can genuinely take a paper abstract to a trained checkpoint. The implications for indie researchers and small teams without ML engineering budgets are significant.",
  reviews: [
    {
      reviewerId: 'builder',
      quote:
        'This is the thing I wanted to exist two years ago. Being able to throw a paper at an agent and have it actually run the experiment is a genuine workflow unlock. The HF ecosystem integration is clean and it avoids the usual agentic foot-guns with its approval gates.',
    },
    {
      reviewerId: 'skeptic',
      quote:
        "300 iterations of LLM calls on a complex training job is going to get expensive fast — and the agent has no concept of GPU budget. Early testers are already reporting it over-engineering simple tasks and spinning up resources it didn't need to.",
    },
    {
      reviewerId: 'futurist',
      quote:
        "Hugging Face is betting that the next generation of ML research is human-supervised, not human-executed. If ml-intern matures, the gap between 'researcher with an idea' and 'researcher with a trained model' collapses to hours.",
    },
    {
      reviewerId: 'creator',
      quote:
        'For creative AI — fine-tuning diffusion models, training custom audio models — this changes the access equation entirely. You no longer need to hire someone who knows PyTorch; you need someone who can write a clear brief.',
    },
  ],
};

/** The quotes in page order: Cursor, ml-intern, Cursor, ml-intern, … */
export const QUOTES_IN_PAGE_ORDER = [
  CURSOR.reviews[0]!.quote,
  ML_INTERN.reviews[0]!.quote,
  CURSOR.reviews[1]!.quote,
  ML_INTERN.reviews[1]!.quote,
  CURSOR.reviews[2]!.quote,
  ML_INTERN.reviews[2]!.quote,
  CURSOR.reviews[3]!.quote,
  ML_INTERN.reviews[3]!.quote,
];
