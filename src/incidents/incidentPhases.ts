import type { IncidentPhase } from '../annotations';
import type { Incident, IncidentEvent, IncidentEventKind } from './model';

type Stage = 'started' | 'detected' | 'mitigated' | 'resolved';

/** What a span between two stages is, named by where it starts and the next stage that was reached. */
const PHASE_LABELS: Record<IncidentPhase['from'], Partial<Record<Stage, string>>> = {
  started: { detected: 'impact before detection', mitigated: 'impact before mitigation' },
  detected: { mitigated: 'detected, before mitigation', resolved: 'detected, before resolution' },
  mitigated: { resolved: 'mitigated, before resolution' },
};

/** The stage still awaited by an open incident's last phase, which names it. */
const NEXT_STAGE: Record<IncidentPhase['from'], Stage> = { started: 'detected', detected: 'mitigated', mitigated: 'resolved' };

function firstOfKind(events: readonly IncidentEvent[], kind: IncidentEventKind): IncidentEvent | undefined {
  let first: IncidentEvent | undefined;
  for (const event of events) {
    if (event.kind === kind && Number.isFinite(event.time) && (!first || event.time < first.time)) first = event;
  }
  return first;
}

/**
 * The incident's window cut at its first detection, first mitigation and resolution (the stages
 * incident tools measure: incidentMetrics), as the spans between them. Only what is consistent is
 * cut: a stage counts where its first event lies inside the window and not before the stage kept
 * before it (an impossible order is shown as a warning by the strip, not drawn); a missing stage is
 * skipped, so the span runs from the one before to the next one found. The resolution is the first
 * "resolved" event, else the window's end; an open incident's last phase has no end (it runs to now).
 * A span of zero length is left out, and so is a lone span from start to end (that is the window).
 */
export function incidentPhases(incident: Pick<Incident, 'start' | 'end' | 'events'>): IncidentPhase[] {
  const { start, end, events } = incident;
  if (!Number.isFinite(start) || (end !== undefined && (!Number.isFinite(end) || end < start))) return [];
  const cuts: { stage: Stage; time: number }[] = [{ stage: 'started', time: start }];
  for (const stage of ['detected', 'mitigated', 'resolved'] as const) {
    const event = firstOfKind(events, stage);
    const last = cuts[cuts.length - 1] as { time: number };
    if (event && event.time >= last.time && (end === undefined || event.time <= end)) cuts.push({ stage, time: event.time });
  }
  const final = cuts[cuts.length - 1] as { stage: Stage; time: number };
  if (final.stage !== 'resolved' && end !== undefined) cuts.push({ stage: 'resolved', time: end });
  const phases: IncidentPhase[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as { stage: Stage; time: number };
    const to = cuts[i + 1] as { stage: Stage; time: number };
    if (from.stage === 'resolved' || to.time === from.time) continue;
    const label = PHASE_LABELS[from.stage][to.stage];
    if (label) phases.push({ from: from.stage, label, start: from.time, end: to.time });
  }
  // An open incident: from its last stage to now, named by the stage it awaits.
  if (end === undefined && final.stage !== 'resolved' && final.stage !== 'started') {
    const label = PHASE_LABELS[final.stage][NEXT_STAGE[final.stage]] as string;
    phases.push({ from: final.stage, label, start: final.time });
  }
  return phases;
}
