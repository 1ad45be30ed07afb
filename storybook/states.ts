import type { StoryObj } from '@storybook/web-components-vite';
import { HttpResponse, delay, http, type RequestHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { PlatformHost } from '../widgets/kit/host.js';
import type { MswParameters } from './mocks.js';
import type { WidgetArgs } from './widget-story.js';
import { WAIT, expectDegraded, inShadow, playShows, waitForState, waitForText, widgetIn } from './play.js';

/**
 * Stories every widget has in the same shape: the loading skeleton, the stale data after a
 * failed refresh, and the dark-theme variants. Each helper returns the story's parts; a
 * story file spreads in what else it needs (e.g. `args`).
 */

type WidgetTag = keyof HTMLElementTagNameMap;

/** The HTTP method of the request a story holds back or fails (Kargo's Connect API posts). */
type Method = 'get' | 'post';

/** A widget's `mswUnder(key)`. */
type Mock<K extends string> = (handlers: RequestHandler[]) => MswParameters<K>;

/** Fits any widget's `StoryObj`: the play reads only the canvas, so it works for any args. */
type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

/** Lifts the host's timeout, so a request that never answers keeps the skeleton (else: "no answer in time"). */
const NO_TIMEOUT = { timeoutMs: 24 * 60 * 60_000 } as const satisfies Partial<PlatformHost>;

export interface LoadingStoryOptions<K extends string> {
  tag: WidgetTag;
  /** The tool's name as the skeleton says it: "Loading <tool> data". */
  tool: string;
  mock: Mock<K>;
  /** The request that never answers. */
  url: string;
  method?: Method;
  /** Handlers after the one that never answers (e.g. for requests made alongside it). */
  handlers?: RequestHandler[];
  /** More of the host contract (the timeout is always lifted). */
  host?: Partial<PlatformHost>;
  /** Whether the widget marks the skeleton `aria-busy="true"` (checked unless false). */
  ariaBusy?: boolean;
}

export interface LoadingStory<K extends string> {
  parameters: MswParameters<K> & { host: Partial<PlatformHost> };
  play: Play;
}

/** The tool never answers: the widget stays in its loading state, showing the skeleton. */
export function loadingStory<K extends string>(options: LoadingStoryOptions<K>): LoadingStory<K> {
  const { tag, tool, mock, url, method = 'get', handlers = [], host = {}, ariaBusy = true } = options;
  return {
    parameters: {
      ...mock([
        http[method](url, async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
        ...handlers,
      ]),
      host: { ...host, ...NO_TIMEOUT },
    },
    play: async ({ canvasElement }) => {
      const widget = widgetIn(canvasElement, tag);
      await waitForState(widget, 'loading');
      if (ariaBusy) await expect(inShadow(widget, '[data-state]').getAttribute('aria-busy')).toBe('true');
      await expect(inShadow(widget, '[part="loading"]').textContent).toContain(`Loading ${tool} data`);
    },
  };
}

export interface StaleAfterFailedRefreshOptions<K extends string> {
  tag: WidgetTag;
  mock: Mock<K>;
  /** The request that answers the first time and fails every later time. */
  url: string;
  method?: Method;
  /** The tool's failure response for `status`. */
  failure: (status: number) => Response;
  /** The failure's HTTP status (503 unless given). */
  status?: number;
  /** The widget's other handlers, after the counting one. */
  handlers: () => RequestHandler[];
  /** What stays on screen from the first load. */
  texts: readonly string[];
  /** Whether to check that no degraded-state deep link shows (checked unless false). */
  noDeepLink?: boolean;
}

export interface StaleAfterFailedRefreshStory<K extends string> {
  parameters: MswParameters<K>;
  beforeEach: (context: { msw: SetupWorker }) => void;
  play: Play;
}

/**
 * The first load works, every later one fails: Reload keeps the data on screen, marked
 * stale with the reason. (Handlers are made per render: they count requests.)
 */
export function staleAfterFailedRefreshStory<K extends string>(options: StaleAfterFailedRefreshOptions<K>): StaleAfterFailedRefreshStory<K> {
  const { tag, mock, url, method = 'get', failure, status = 503, handlers, texts, noDeepLink = true } = options;
  return {
    parameters: mock([]),
    beforeEach: ({ msw }) => {
      let loads = 0;
      msw.use(
        http[method](url, () => {
          loads += 1;
          return loads === 1 ? undefined : failure(status);
        }),
        ...handlers(),
      );
    },
    play: async ({ canvasElement }) => {
      const widget = widgetIn(canvasElement, tag);
      await waitForState(widget, 'ready');
      await userEvent.click(inShadow(widget, 'button.refresh'));
      await waitFor(() => expect(inShadow(widget, '[part="stale"]').textContent).toContain('Stale'), WAIT);
      await waitForText(widget, [`refresh failed: Tool unavailable (HTTP ${status})`, ...texts]);
      if (noDeepLink) await expect(widget.shadowRoot?.querySelector('pw-deep-link')).toBeNull();
    },
  };
}

const DARK = { theme: 'dark' } as const;

/**
 * The story in the dark theme (the host's, from the toolbar global). With the widget's tag,
 * it runs the light story's checks, then proves that the widget really took the dark theme
 * from the host.
 */
export function darkVariant<A>(story: StoryObj<A>, tag?: WidgetTag): StoryObj<A> {
  if (!tag) return { ...story, globals: DARK };
  return {
    ...story,
    globals: DARK,
    play: async (context) => {
      await story.play?.(context);
      await expect(widgetIn(context.canvasElement, tag).getAttribute('theme')).toBe('dark');
    },
  };
}

/** The failures every widget's mock handlers can play. */
export type FailureScenario = 'outage' | 'no-access' | 'sign-in';

export interface DegradedStoriesOptions<K extends string> {
  tag: WidgetTag;
  /** The deep link every degraded state offers. */
  linkText: string;
  href: string;
  /** The widget's handlers for each of these failures. */
  scenario: (name: FailureScenario) => MswParameters<K>;
  /** The tool's status in the outage scenario (503 unless said). */
  outageStatus?: number;
  mock: Mock<K>;
  /** The request answered with an HTML sign-in page instead of JSON, and handlers for the others. */
  unexpected: { url: string; method?: Method; handlers?: RequestHandler[] };
}

/** A story part with only what a degraded story sets. */
type StoryParts = Pick<StoryObj, 'args' | 'parameters'>;

/**
 * The degraded stories every widget has: the tool down, no access, sign-in needed, an HTML page
 * where JSON was expected, and (with the widget's own way of causing it) not found. Each shows
 * the reason and the deep link.
 */
export function degradedStories<K extends string>(options: DegradedStoriesOptions<K>) {
  const { tag, linkText, href, scenario, mock, unexpected, outageStatus = 503 } = options;
  const expectLink = (reason: string, link = { linkText, href }): Play => ({ canvasElement }) =>
    expectDegraded(canvasElement, reason, { tag, ...link });
  const { method = 'get', handlers = [] } = unexpected;
  return {
    outage: { parameters: scenario('outage'), play: expectLink(`Tool unavailable (HTTP ${outageStatus})`) },
    noAccess: { parameters: scenario('no-access'), play: expectLink('No access') },
    signIn: { parameters: scenario('sign-in'), play: expectLink('Sign-in needed') },
    unexpected: {
      parameters: mock([http[method](unexpected.url, () => HttpResponse.html('<html><body>Sign in</body></html>')), ...handlers]),
      play: expectLink('Unexpected response'),
    },
    /** Not found, caused by `parts` (an unknown name in the args, or a 404 from the tool). */
    notFound: (parts: StoryParts, link?: { linkText: string; href: string }) => ({ ...parts, play: expectLink('Not found: check the annotation', link) }),
    /** Any other reason, with the same deep link. */
    failing: (parts: StoryParts, reason: string) => ({ ...parts, play: expectLink(reason) }),
  };
}

/** The widget lacks what it needs (`args` clear it): it says which attribute and annotation to set. */
export function notConfiguredStory(tag: WidgetTag, args: WidgetArgs, texts: readonly string[]): StoryObj<WidgetArgs> {
  return {
    args,
    play: playShows(tag, texts, 'not-configured'),
  };
}
