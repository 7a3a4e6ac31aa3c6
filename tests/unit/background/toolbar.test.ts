import { describe, expect, it } from 'vitest';
import { showOnToolbar, type ActionApi } from '../../../lib/background/toolbar';

function fakeAction() {
  const state = new Map<string, unknown>();
  const api: ActionApi = {
    setBadgeText: async ({ tabId, text }) => void state.set(`${tabId}:text`, text),
    setBadgeBackgroundColor: async ({ tabId, color }) => void state.set(`${tabId}:bg`, color),
    setBadgeTextColor: async ({ tabId, color }) => void state.set(`${tabId}:fg`, color),
    setTitle: async ({ tabId, title }) => void state.set(`${tabId}:title`, title),
  };
  return { api, state };
}

const badge = (panelShip: number) => ({
  toolId: 'ml-intern',
  toolName: 'ml-intern',
  verdictId: 'ml-intern',
  panelShip,
});

describe('showOnToolbar', () => {
  it.each([
    [75, '75', '#1a7f37'],
    [50, '50', '#9a6700'],
    [12, '12', '#cf222e'],
  ])(
    '%i %% reads %s in the band colour %s, and the title names the tool',
    async (score, text, bg) => {
      const { api, state } = fakeAction();
      await showOnToolbar(3, badge(score), api);
      expect(state.get('3:text')).toBe(text);
      expect(state.get('3:bg')).toBe(bg);
      expect(state.get('3:fg')).toBe('#ffffff');
      expect(state.get('3:title')).toBe(`ml-intern: ${score}% ship · Verdict Lens`);
    },
  );

  it('clears the tab without a verdict, and only that tab', async () => {
    const { api, state } = fakeAction();
    await showOnToolbar(3, badge(75), api);
    await showOnToolbar(4, badge(40), api);
    await showOnToolbar(3, null, api);
    expect(state.get('3:text')).toBe('');
    expect(state.get('3:title')).toBe('Verdict Lens');
    expect(state.get('4:text')).toBe('40');
  });

  it('works where the browser cannot colour the badge text', async () => {
    const { api, state } = fakeAction();
    delete api.setBadgeTextColor;
    await showOnToolbar(5, badge(90), api);
    expect(state.get('5:text')).toBe('90');
  });
});
