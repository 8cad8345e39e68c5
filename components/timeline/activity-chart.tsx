'use client';

import { useRouter } from 'next/navigation';
import { useState, type KeyboardEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ActivityChartDatum {
  key: string;
  /** "May 2026", "Q2 2026", "2026" */
  label: string;
  count: number;
  /** Where choosing the period goes: the same view narrowed to it. */
  href: string;
  /** Events per series, keyed by series key. */
  [series: string]: string | number;
}

export interface ActivitySeries {
  key: string;
  label: string;
  color: string;
}

/** Text in the page's ink colour, never in a series colour (lib: STYLE, the chart is read, not decoded). */
const INK = '#1b1f24';
const GRID = '#d6dbe1';

/**
 * Events per period, stacked by type. Pointer: click a bar. Keyboard: the chart
 * is one tab stop, a listbox whose options are the periods; the arrow keys,
 * Home and End choose one (marked on the chart and read out), Enter lists its
 * events. The figure around it carries the text alternative and a table.
 */
export function ActivityChart({ data, series, description, unit }: { data: ActivityChartDatum[]; series: ActivitySeries[]; description: string; unit: string }) {
  const router = useRouter();
  const [active, setActive] = useState<number | null>(null);
  const go = (href: string | undefined) => {
    if (href) router.push(href, { scroll: false });
  };
  const open = (datum: unknown) => go((datum as { payload?: ActivityChartDatum } | undefined)?.payload?.href);
  const chosen = active === null ? null : data[active];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = data.length - 1;
    const moves: Record<string, (current: number) => number> = {
      ArrowRight: (current) => Math.min(last, current + 1),
      ArrowDown: (current) => Math.min(last, current + 1),
      ArrowLeft: (current) => Math.max(0, current - 1),
      ArrowUp: (current) => Math.max(0, current - 1),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive((current) => move(current ?? last));
    } else if ((event.key === 'Enter' || event.key === ' ') && chosen) {
      event.preventDefault();
      go(chosen.href);
    }
  };
  const optionId = (index: number) => `activity-option-${index}`;

  return (
    <div className="chart-frame chart-frame--interactive" data-testid="activity-chart">
      <div className="chart-frame__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 240 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: INK }} stroke={INK} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12, fill: INK }} stroke={INK} />
            <Tooltip
              contentStyle={{ color: INK, borderColor: INK }}
              itemStyle={{ color: INK }}
              labelStyle={{ color: INK, fontWeight: 600 }}
              cursor={{ fill: 'rgba(27, 31, 36, 0.08)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span style={{ color: INK }}>{value}</span>} />
            {chosen && <ReferenceArea x1={chosen.label} x2={chosen.label} fill={INK} fillOpacity={0.1} stroke={INK} strokeWidth={2} ifOverflow="extendDomain" />}
            {series.map((item) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                stackId="types"
                fill={item.color}
                // A thin light line between stacked segments, so neighbouring colours never touch.
                stroke="#ffffff"
                strokeWidth={1}
                isAnimationActive={false}
                cursor="pointer"
                onClick={open}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div
        className="chart-frame__keys"
        role="listbox"
        tabIndex={0}
        aria-label={`${description} Choose a ${unit} with the arrow keys; Enter lists its events.`}
        aria-activedescendant={active === null ? undefined : optionId(active)}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? data.length - 1)}
      >
        {data.map((datum, index) => (
          <div key={datum.key} id={optionId(index)} role="option" aria-selected={index === active} className="visually-hidden">
            {`${datum.label}: ${datum.count} ${datum.count === 1 ? 'event starts' : 'events start'}`}
          </div>
        ))}
      </div>
      <p className="chart-frame__chosen" aria-hidden="true">
        {chosen ? `${chosen.label}: ${chosen.count} ${chosen.count === 1 ? 'event starts' : 'events start'} — Enter lists them` : ''}
      </p>
    </div>
  );
}
