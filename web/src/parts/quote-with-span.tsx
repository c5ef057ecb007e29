/** The sentence a move was read from, the coded words marked (and named for screen readers). */
export function QuoteWithSpan({ quote, span }: { quote: string; span?: [number, number] | undefined }) {
  if (!span) return <blockquote class="sentence">{quote}</blockquote>;
  const [a, b] = span;
  return (
    <blockquote class="sentence">
      {quote.slice(0, a)}
      <mark title="the words the code was read from">
        <span class="visually-hidden">[coded: </span>
        {quote.slice(a, b)}
        <span class="visually-hidden">]</span>
      </mark>
      {quote.slice(b)}
    </blockquote>
  );
}
