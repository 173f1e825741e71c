import type { Dashboard } from '../dashboard';

interface Props {
  readonly dashboards: readonly Dashboard[];
  readonly current: Dashboard;
  readonly onChoose: (id: string) => void;
}

/** Which of the configured dashboards to show; both headers use it. */
export function DashboardSelect({ dashboards, current, onChoose }: Props) {
  return (
    <select aria-label="Dashboard" value={current.id} onChange={(e) => onChoose(e.target.value)}>
      {dashboards.map((d) => (
        <option key={d.id} value={d.id}>
          {d.title}
        </option>
      ))}
    </select>
  );
}
