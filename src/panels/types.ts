import type { Series } from '../series';

/** One drawn line: the data plus how the panel shows it. */
export interface PanelLine {
  /** Stable across refreshes (query index + label set), used for keys and hiding. */
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /** Over all instances (no instance label): drawn dashed and thicker. */
  readonly aggregate: boolean;
  /** "Compare to": the same query shifted from earlier, drawn dashed and fainter. */
  readonly earlier?: boolean;
  /** Its values are Unix seconds (its query or metric speaks of time, see speaksOfUnixTime): read as dates. */
  readonly unixTime?: boolean;
  readonly series: Series;
}

/** What went wrong for one of the panel's queries, already in words. */
export interface PanelProblem {
  readonly kind: string;
  readonly title: string;
  readonly message: string;
  readonly expr: string;
}

/** Where the panel's data stands; the panel decides in the order data → fetching → error. */
export interface PanelStatus {
  readonly hasData: boolean;
  readonly fetching: boolean;
  readonly problems: readonly PanelProblem[];
  readonly warnings: readonly string[];
  /** When the data on screen was fetched (epoch ms), for "stale" marking. */
  readonly dataUpdatedAt: number;
}

/** A flagged series' projected path: from its level now to the limit at the projected crossing (ms, value). */
export interface LeakProjectionLine {
  readonly key: string;
  /** The series' name, so a hidden series hides its projection too. */
  readonly name: string;
  readonly color: string;
  readonly fromTime: number;
  readonly fromValue: number;
  readonly toTime: number;
  readonly toValue: number;
}
