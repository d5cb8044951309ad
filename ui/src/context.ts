import { createContext } from "preact";
import { useContext, useLayoutEffect, useState } from "preact/hooks";
import type { Store } from "./store";

export const StoreContext = createContext<Store | null>(null);

/** The store, re-rendering the caller on every change. */
export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore outside StoreContext");
  const [, setTick] = useState(0);
  const seen = store.version;
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => setTick((n) => n + 1));
    // A change between this render and the subscription is not missed.
    if (store.version !== seen) setTick((n) => n + 1);
    return unsubscribe;
  }, [store]);
  return store;
}
