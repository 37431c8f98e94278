/** The tooltip of a bar: the figures the table shows, as text (recharts hands it the hovered row). */
export function ChartTooltip({ active, label, lines }: { active?: boolean; label?: string; lines: { name: string; value: string }[] | undefined }) {
  if (active !== true || lines === undefined) return null;
  return (
    <div className="chart-tooltip">
      {label !== undefined && <p className="chart-tooltip-label">{label}</p>}
      {lines.map((l) => <p key={l.name}>{l.name}: <strong>{l.value}</strong></p>)}
    </div>
  );
}
