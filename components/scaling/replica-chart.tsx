"use client";

/**
 * Desired and ready replicas over time, with scaling events marked: a plain SVG (no chart
 * library), steps because replica counts change in jumps.
 */
export interface ReplicaSamplePoint {
  at: string;
  desired: number;
  ready: number;
}
export interface ScalingMarker {
  at: string;
  label: string;
  actor: string;
}

const WIDTH = 720;
const HEIGHT = 180;
const PAD = { left: 28, right: 8, top: 10, bottom: 22 };

export function ReplicaChart({ samples, events, since, until }: { samples: ReplicaSamplePoint[]; events: ScalingMarker[]; since: string; until: number }) {
  const start = Date.parse(since);
  const span = Math.max(1, until - start);
  const top = Math.max(1, ...samples.map((sample) => Math.max(sample.desired, sample.ready)));
  const x = (at: string | number) => PAD.left + ((typeof at === "string" ? Date.parse(at) : at) - start) / span * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const step = (key: "desired" | "ready") => {
    if (samples.length === 0) return "";
    let path = `M${x(samples[0]!.at).toFixed(1)},${y(samples[0]![key]).toFixed(1)}`;
    for (let index = 1; index < samples.length; index += 1) {
      const sample = samples[index]!;
      path += ` H${x(sample.at).toFixed(1)} V${y(sample[key]).toFixed(1)}`;
    }
    return `${path} H${x(until).toFixed(1)}`;
  };
  const ticks = Array.from({ length: 5 }, (_, index) => start + (span * index) / 4);
  const levels = [...new Set([0, Math.ceil(top / 2), top])];

  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={`Desired and ready replicas since ${new Date(start).toLocaleTimeString()}`}>
        {levels.map((level) => (
          <g key={level}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(level)} y2={y(level)} className="stroke-border" strokeDasharray={level === 0 ? undefined : "2 3"} />
            <text x={PAD.left - 6} y={y(level) + 4} textAnchor="end" className="fill-muted-foreground text-[10px]">{level}</text>
          </g>
        ))}
        {ticks.map((tick) => (
          <text key={tick} x={x(tick)} y={HEIGHT - 6} textAnchor="middle" className="fill-muted-foreground text-[10px]">
            {new Date(tick).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
          </text>
        ))}
        {events.map((event, index) => (
          <g key={`${event.at}-${index}`} data-testid="scaling-marker">
            <line x1={x(event.at)} x2={x(event.at)} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="stroke-primary/50" strokeDasharray="3 2" />
            <circle cx={x(event.at)} cy={PAD.top + 2} r={3} className="fill-primary">
              <title>{`${new Date(event.at).toLocaleTimeString()}: ${event.label} (${event.actor})`}</title>
            </circle>
          </g>
        ))}
        <path d={step("desired")} fill="none" className="stroke-muted-foreground" strokeWidth={1.5} strokeDasharray="5 3" />
        <path d={step("ready")} fill="none" className="stroke-status-ok" strokeWidth={2} />
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-muted-foreground">
        <span className="flex items-center gap-1.5"><span className="inline-block h-0.5 w-4 bg-status-ok" /> ready</span>
        <span className="flex items-center gap-1.5"><span className="inline-block h-0 w-4 border-t border-dashed border-muted-foreground" /> desired</span>
        <span className="flex items-center gap-1.5"><span className="inline-block size-2 rounded-full bg-primary" /> scaling event (hover for details)</span>
        {samples.length === 0 && <span>No samples yet: the worker records one every 30 seconds.</span>}
      </figcaption>
    </figure>
  );
}
