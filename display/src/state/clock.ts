/** The wall clock as the hall reads it: 24-hour time and the long Turkish date. */
export interface ClockFace {
  time: string;
  date: string;
}

const formats = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat('tr-TR', { timeZone, hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat('tr-TR', {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    };
    formats.set(timeZone, f);
  }
  return f;
}

export function clockFace(epochMs: number, timeZone: string): ClockFace {
  const f = formatsFor(timeZone);
  return { time: f.time.format(epochMs), date: f.date.format(epochMs) };
}
