import type { QueryClient } from '@tanstack/react-query';
import { promKeys } from '../prometheus';

export type RefreshTrigger = 'tick' | 'click';

/**
 * One refresh of every panel, the same for auto-refresh ticks and the Refresh button.
 *
 * Keys no panel observes any more are dropped first, so weeks of ticks with ever-new absolute keys
 * keep the cache flat (grafana/grafana#35987 is what happens otherwise). A relative range moves
 * with time: a new "now", shared by every panel, gives every panel a new key. An absolute range
 * asks the same keys again.
 *
 * They differ on one point, on purpose: a tick never cancels a query still in flight (each panel
 * holds its range until its answer comes, see usePanelQueries; cancelling would mean a slow
 * server never answers a wall that refreshes faster than it), while a click means "ask again now",
 * so an older request still in flight is cancelled and sent again.
 */
export function refreshPanels(queryClient: QueryClient, options: { readonly relative: boolean; readonly trigger: RefreshTrigger; readonly setNow: (now: number) => void }): void {
  queryClient.removeQueries({ queryKey: promKeys.root, type: 'inactive' });
  if (options.relative) options.setNow(Date.now());
  else void queryClient.invalidateQueries({ queryKey: promKeys.root, refetchType: 'active' }, { cancelRefetch: options.trigger === 'click' });
}
