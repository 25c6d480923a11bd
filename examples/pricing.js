// Prices in other currencies, written with Effect.
import { Effect } from 'effect';

const fetchRate = (currency) =>
  Effect.tryPromise(() => fetch(`https://rates.example/${currency}`).then((response) => response.json()));

export const priceIn = (amount, currency) =>
  Effect.gen(function* () {
    const rate = yield* Effect.promise(() => Effect.runPromise(fetchRate(currency))); // expect: no-nested-event-loop
    return amount * rate.value;
  });

export const priceInComposed = (amount, currency) =>
  Effect.gen(function* () {
    const rate = yield* fetchRate(currency);
    return amount * rate.value;
  });

// The program's edge: running the effect here is what run* is for.
export function quote(amount, currency) {
  return Effect.runPromise(priceInComposed(amount, currency));
}
