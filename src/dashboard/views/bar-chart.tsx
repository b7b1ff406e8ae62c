import type { DoraDay } from "../../engine/compute-dora.js";

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 40;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

/** A day as `2026-12-07` (UTC). */
export function isoDay(startMs: number): string {
  return new Date(startMs).toISOString().slice(0, 10);
}

/**
 * Deployments per day as stacked bars, succeeded below failed: SVG drawn on the server, coloured
 * with Primer's classes through `currentColor` (no inline style, no script). A day without
 * deployments has no bar. `id` makes the title's and description's ids unique on the page.
 */
export function BarChart(props: { readonly id: string; readonly title: string; readonly days: readonly DoraDay[] }) {
  const { days, id } = props;
  const busiest = Math.max(0, ...days.map((day) => day.succeeded + day.failed));
  const highest = Math.max(1, busiest);
  const slot = PLOT_WIDTH / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.7);
  const heightOf = (count: number) => (count / highest) * PLOT_HEIGHT;
  const total = (key: "succeeded" | "failed") => days.reduce((sum, day) => sum + day[key], 0);
  const first = days[0];
  const last = days.at(-1);
  return (
    <svg
      class="width-full"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      data-testid="bar-chart"
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>
        {`${total("succeeded")} succeeded and ${total("failed")} failed over ${days.length} days` +
          (first === undefined || last === undefined ? "" : `, ${isoDay(first.startMs)} to ${isoDay(last.startMs)} (UTC)`) +
          `; the busiest day had ${busiest}.`}
      </desc>
      <g class="color-fg-muted" fill="currentColor" font-size="11">
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + PLOT_HEIGHT} stroke="currentColor" />
        <line x1={LEFT} y1={TOP + PLOT_HEIGHT} x2={WIDTH - RIGHT} y2={TOP + PLOT_HEIGHT} stroke="currentColor" />
        <text x={LEFT - 6} y={TOP + PLOT_HEIGHT} text-anchor="end" dominant-baseline="middle">
          0
        </text>
        <text x={LEFT - 6} y={TOP} text-anchor="end" dominant-baseline="middle">
          {highest}
        </text>
        <text x={12} y={TOP + PLOT_HEIGHT / 2} text-anchor="middle" transform={`rotate(-90 12 ${TOP + PLOT_HEIGHT / 2})`}>
          deployments
        </text>
        {first === undefined ? null : (
          <text x={LEFT} y={TOP + PLOT_HEIGHT + 16} text-anchor="start">
            {isoDay(first.startMs)}
          </text>
        )}
        {last === undefined || days.length < 2 ? null : (
          <text x={WIDTH - RIGHT} y={TOP + PLOT_HEIGHT + 16} text-anchor="end">
            {isoDay(last.startMs)}
          </text>
        )}
        <text x={LEFT + PLOT_WIDTH / 2} y={HEIGHT - 4} text-anchor="middle">
          day (UTC)
        </text>
      </g>
      {days.map((day, index) => {
        if (day.succeeded + day.failed === 0) return null;
        const x = LEFT + index * slot + (slot - barWidth) / 2;
        const succeeded = heightOf(day.succeeded);
        const failed = heightOf(day.failed);
        const bottom = TOP + PLOT_HEIGHT;
        return (
          <g key={day.startMs}>
            {day.succeeded === 0 ? null : (
              <rect
                class="color-fg-success"
                fill="currentColor"
                data-series="succeeded"
                x={round(x)}
                y={round(bottom - succeeded)}
                width={round(barWidth)}
                height={round(succeeded)}
              >
                <title>{`${isoDay(day.startMs)}: ${day.succeeded} succeeded`}</title>
              </rect>
            )}
            {day.failed === 0 ? null : (
              <rect
                class="color-fg-danger"
                fill="currentColor"
                data-series="failed"
                x={round(x)}
                y={round(bottom - succeeded - failed)}
                width={round(barWidth)}
                height={round(failed)}
              >
                <title>{`${isoDay(day.startMs)}: ${day.failed} failed`}</title>
              </rect>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Coordinates to two decimals: shorter markup, no visible difference. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
