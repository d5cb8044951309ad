import { render } from "preact";
import { App } from "./components/App";
import { StoreContext } from "./context";
import { tauriHost } from "./host/tauri";
import { Store } from "./store";
import "./styles.css";

const store = new Store(tauriHost);
// Exposed for the end-to-end tests' measurements (read-only use).
(window as unknown as { __pactwright: Store }).__pactwright = store;
render(
  <StoreContext.Provider value={store}>
    <App />
  </StoreContext.Provider>,
  document.getElementById("app")!,
);
// For the launch-to-first-paint benchmark: the wall-clock time of the
// first frame after the first render.
requestAnimationFrame(() => {
  (window as unknown as { __pactwrightFirstPaint: number }).__pactwrightFirstPaint = performance.timeOrigin + performance.now();
});
void store.init();
