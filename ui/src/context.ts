import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { Store } from "./store";

export const StoreContext = createContext<Store | null>(null);

/** The store, re-rendering the caller on every change. */
export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore outside StoreContext");
  const [, setTick] = useState(0);
  useEffect(() => store.subscribe(() => setTick((n) => n + 1)), [store]);
  return store;
}
