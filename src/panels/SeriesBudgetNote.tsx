/** Says that a panel draws only part of its series, which ones, and how to see the others. */
export function SeriesBudgetNote({ shown, omitted }: { shown: number; omitted: number }) {
  if (omitted <= 0) return null;
  return (
    <p className="series-budget-note" role="status">
      Showing the {shown} series with the highest maximum; {omitted} more left out. To see them, narrow the query (a label filter, or
      topk) or raise this panel&apos;s <code>maxSeries</code> in the dashboard file.
    </p>
  );
}
