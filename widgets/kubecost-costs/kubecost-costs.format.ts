/**
 * Money and percentages in the reader's locale and the host's currency.
 * Generic enough for any cost widget: proposed for the kit as `ui/money.ts`.
 */

const DEFAULT_CURRENCY = 'USD';

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // An unusable locale tag falls back to the reader's default locale.
    return new Intl.NumberFormat(undefined, options);
  }
}

export interface MoneyFormat {
  /** The ISO 4217 code in use, or undefined when the configured one was unusable. */
  currency?: string;
  format: (value: number) => string;
}

/**
 * `currency` is ISO 4217 (default USD). A malformed code is never replaced by
 * another currency (that would mislabel money): amounts are then shown as plain numbers.
 */
export function moneyFormat(currency: string | undefined, locale: string | undefined): MoneyFormat {
  const code = (currency ?? DEFAULT_CURRENCY).trim().toUpperCase();
  let formatter: Intl.NumberFormat;
  let known: string | undefined = code;
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  } catch {
    try {
      formatter = numberFormat(undefined, { style: 'currency', currency: code });
    } catch {
      known = undefined;
      formatter = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  }
  const smallest = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const threshold = 10 ** -smallest;
  return {
    currency: known,
    format: (value) => {
      if (!Number.isFinite(value)) return '–';
      if (value > 0 && value < threshold) return `< ${formatter.format(threshold)}`;
      return formatter.format(value);
    },
  };
}

export function percentFormat(locale: string | undefined): (ratio: number | undefined) => string {
  const formatter = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (ratio) => {
    if (ratio === undefined || !Number.isFinite(ratio)) return '–';
    if (ratio > 0 && ratio < 0.0005) return `< ${formatter.format(0.001)}`;
    return formatter.format(ratio);
  };
}

export function dayFormat(locale: string | undefined): (iso: string | undefined) => string {
  const formatter = dateFormat(locale);
  return (iso) => {
    const time = iso ? Date.parse(iso) : Number.NaN;
    return Number.isNaN(time) ? '' : formatter.format(time);
  };
}

function dateFormat(locale: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}
